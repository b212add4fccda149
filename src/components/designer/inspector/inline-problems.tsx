import type { Problem } from "~/engine";

/** The validation problems of the selected node or edge, listed at the top of the inspector. */
export function InlineProblems({ problems, of }: { problems: readonly Problem[] | undefined; of: "node" | "edge" }) {
  if (!problems) return null;
  return (
    <ul className="wf-inline-problems" aria-label={`Problems of this ${of}`}>
      {problems.map((problem, index) => (
        <li key={index} className={problem.severity}>
          {problem.message}
        </li>
      ))}
    </ul>
  );
}
