"use client";

import type { ReactNode } from "react";
import type { NameOf } from "./describe-event";
import { formatCost, formatDateTime, formatDuration, formatJson } from "./format";
import { fieldOf } from "./json-field";
import type { RunDetail } from "./run-types";
import { runGraph } from "./run-types";

type Props = { run: RunDetail; nodeId: string; nameOf: NameOf; onClose: () => void };

type Verdict = { kind?: string; passed?: boolean; reason?: string };

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="step-section">
      <h4>{title}</h4>
      {children}
    </section>
  );
}

function Json({ value, label }: { value: unknown; label: string }) {
  return (
    <pre className="step-json" aria-label={label}>
      {formatJson(value)}
    </pre>
  );
}

function Facts({ items }: { items: [string, ReactNode][] }) {
  const shown = items.filter(([, value]) => value !== undefined && value !== null && value !== "");
  if (shown.length === 0) return null;
  return (
    <dl className="step-facts">
      {shown.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * Everything a run recorded about one step: its outcome, the request it sent and the answer it
 * got, the prompt, model, tokens, cost and latency of model calls, rationale, guardrail verdicts,
 * approval requests with their decisions, and timers.
 */
export function StepDetails({ run, nodeId, nameOf, onClose }: Props) {
  const node = runGraph(run).nodes.find((candidate) => candidate.id === nodeId);
  const step = fieldOf(fieldOf(run.context, "steps"), nodeId);
  const outcome = fieldOf(step, "outcome");
  const output = fieldOf(step, "output");
  const error = fieldOf(fieldOf(step, "error"), "message");
  const invocations = run.invocations.filter((invocation) => invocation.nodeId === nodeId);
  const modelCalls = run.modelCalls.filter((call) => call.nodeId === nodeId);
  const approvals = run.approvals.filter((approval) => approval.nodeId === nodeId);
  const timers = run.timers.filter((timer) => timer.nodeId === nodeId);
  const rationale = fieldOf(output, "rationale");
  const confidence = fieldOf(output, "confidence");
  const verdicts = fieldOf(output, "verdicts");
  const blockedBy = fieldOf(output, "blockedBy") as Verdict | undefined;
  const nothing = step === undefined && invocations.length === 0 && approvals.length === 0 && timers.length === 0;

  return (
    <div className="step-details" data-testid="step-details" data-node-id={nodeId}>
      <header>
        <div>
          <h3>{node?.label || nodeId}</h3>
          <span className="muted">
            {node?.type ?? "node"} · {nodeId}
          </span>
        </div>
        <button type="button" className="button secondary small" onClick={onClose}>
          Close
        </button>
      </header>
      {typeof outcome === "string" && (
        <Facts items={[["Outcome", <span key="o" className="badge">{outcome}</span>], ["Error", typeof error === "string" ? error : undefined]]} />
      )}
      {nothing && <p className="muted">This step has not run.</p>}

      {invocations.map((invocation) => {
        const isModel = invocation.connector === "llm";
        const request = invocation.request;
        return (
          <Section key={invocation.id} title={isModel ? "Model call" : `Call to ${invocation.connector}`}>
            <Facts
              items={[
                ["Status", invocation.status],
                ["Attempts", String(invocation.attempts)],
                ["Shadow", invocation.shadow ? "yes: recorded, not sent" : undefined],
                ["Error", invocation.error],
              ]}
            />
            {isModel ? (
              <>
                {typeof fieldOf(request, "system") === "string" && (
                  <>
                    <h5>System prompt</h5>
                    <pre className="step-text">{String(fieldOf(request, "system"))}</pre>
                  </>
                )}
                <h5>Prompt</h5>
                <pre className="step-text">{String(fieldOf(request, "prompt") ?? "")}</pre>
              </>
            ) : (
              <>
                <h5>Inputs</h5>
                <Json value={request} label="Inputs" />
              </>
            )}
            {invocation.response !== null && (
              <>
                <h5>Response</h5>
                <Json value={invocation.response} label="Response" />
              </>
            )}
          </Section>
        );
      })}

      {modelCalls.length > 0 && (
        <Section title="Model usage">
          {modelCalls.map((call) => (
            <Facts
              key={call.id}
              items={[
                ["Model", call.model],
                ["Tokens", `${call.promptTokens} in · ${call.completionTokens} out`],
                ["Cost", formatCost(call.costUsd)],
                ["Latency", formatDuration(call.latencyMs)],
              ]}
            />
          ))}
        </Section>
      )}

      {(typeof rationale === "string" || typeof confidence === "number") && (
        <Section title="Rationale">
          {typeof rationale === "string" && <p className="step-text">{rationale}</p>}
          {typeof confidence === "number" && <Facts items={[["Confidence", confidence.toFixed(2)]]} />}
        </Section>
      )}

      {Array.isArray(verdicts) && (
        <Section title="Guardrail verdicts">
          <ul className="step-verdicts">
            {(verdicts as Verdict[]).map((verdict, index) => (
              <li key={index} className={verdict.passed ? "pass" : "block"}>
                <strong>{verdict.passed ? "Pass" : "Block"}</strong> {verdict.kind}: {verdict.reason}
              </li>
            ))}
          </ul>
          {blockedBy && (
            <p className="alert">
              Blocked by the {blockedBy.kind} check: {blockedBy.reason}
            </p>
          )}
        </Section>
      )}

      {approvals.map((approval) => (
        <Section key={approval.id} title={approval.kind === "escalation" ? "Escalation request" : "Approval request"}>
          <p className="step-text">{approval.summary}</p>
          <Facts
            items={[
              ["Status", approval.status.replace("_", " ")],
              ["Details", typeof fieldOf(approval.details, "text") === "string" ? String(fieldOf(approval.details, "text")) : undefined],
              ["Recommendation", approval.recommendation],
              ["Risk", approval.risk],
              ["Assigned to", [...approval.assigneeUsers.map(nameOf), ...approval.assigneeRoles.map((role) => `role ${role}`)].join(", ")],
              ["Deadline", approval.deadline ? formatDateTime(approval.deadline) : undefined],
            ]}
          />
          {approval.decisions.length > 0 && (
            <ul className="step-decisions">
              {approval.decisions.map((decision) => (
                <li key={decision.id}>
                  <strong>{decision.decision}</strong> by {nameOf(decision.userId)}, {formatDateTime(decision.createdAt)}
                  {decision.comment && <q>{decision.comment}</q>}
                </li>
              ))}
            </ul>
          )}
        </Section>
      ))}

      {timers.length > 0 && (
        <Section title="Timers">
          <ul className="step-timers">
            {timers.map((timer) => (
              <li key={timer.id}>
                <code>{timer.timerId}</code> due {formatDateTime(timer.dueAt)}: {timer.status}
                {timer.firedAt && `, fired ${formatDateTime(timer.firedAt)}`}
              </li>
            ))}
          </ul>
        </Section>
      )}

      {output !== undefined && invocations.length === 0 && approvals.length === 0 && !Array.isArray(verdicts) && (
        <Section title="Output">
          <Json value={output} label="Output" />
        </Section>
      )}
    </div>
  );
}
