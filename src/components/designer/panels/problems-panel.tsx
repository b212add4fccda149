"use client";

import { useState } from "react";
import type { Problem } from "~/engine";
import { useCanvasFocus } from "../canvas/use-canvas-focus";
import { useWorkflowStore } from "../store/store-context";

/** How many problems the list renders (a broken 1,000-node import can have thousands). */
const LIST_LIMIT = 200;

function where(problem: Problem): string | undefined {
  if (problem.nodeId) return problem.nodeId;
  if (problem.edgeId) return `edge ${problem.edgeId}`;
  return undefined;
}

/**
 * Every validation problem of the draft; a click selects the node or edge and centres it.
 */
export function ProblemsPanel() {
  const problems = useWorkflowStore((state) => state.problems);
  const validated = useWorkflowStore((state) => state.validated);
  const focus = useCanvasFocus();
  const [open, setOpen] = useState(true);
  const errors = problems.filter((problem) => problem.severity === "error").length;
  const warnings = problems.length - errors;

  return (
    <section className={`wf-problems ${open ? "is-open" : ""}`} aria-label="Problems">
      <header className="wf-problems-head">
        <button type="button" className="wf-problems-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          <span aria-hidden="true">{open ? "▾" : "▸"}</span> Problems
        </button>
        {!validated ? (
          <span className="wf-count" data-testid="problem-count">
            Checking…
          </span>
        ) : problems.length === 0 ? (
          <span className="wf-count ok" data-testid="problem-count">
            No problems
          </span>
        ) : (
          <span className="wf-count" data-testid="problem-count">
            {errors > 0 && <span className="error">{errors} error{errors === 1 ? "" : "s"}</span>}
            {warnings > 0 && <span className="warning">{warnings} warning{warnings === 1 ? "" : "s"}</span>}
          </span>
        )}
      </header>
      {open && problems.length > 0 && (
        <ul className="wf-problem-list">
          {problems.slice(0, LIST_LIMIT).map((problem, index) => {
            const target = problem.nodeId ? { nodeId: problem.nodeId } : problem.edgeId ? { edgeId: problem.edgeId } : undefined;
            const place = where(problem);
            return (
              <li key={index}>
                <button type="button" className={`wf-problem ${problem.severity}`} disabled={!target} onClick={() => target && focus(target)}>
                  <span className="wf-problem-severity" aria-label={problem.severity}>
                    {problem.severity === "error" ? "●" : "▲"}
                  </span>
                  <span className="wf-problem-message">{problem.message}</span>
                  {place && <code>{place}</code>}
                  <span className="wf-problem-code">{problem.code}</span>
                </button>
              </li>
            );
          })}
          {problems.length > LIST_LIMIT && <li className="wf-hint">and {problems.length - LIST_LIMIT} more</li>}
        </ul>
      )}
    </section>
  );
}
