import type { NodeConfig } from "../graph/node-types";

/** Parameters of a join, as compiled into the machine. */
export interface JoinParams {
  fork: string;
  mode: NodeConfig<"join">["mode"];
  n?: number;
  tolerateFailures: number;
  /** Number of branches of the fork. */
  branches: number;
}

/**
 * Whether a join can proceed given the branch results so far, and with which outcome.
 *
 * @remarks `all`: waits for every branch; fails if more than `tolerateFailures` failed (early,
 * once that is certain). `any`: done at the first success; failed when all failed. `n_of_m`: done
 * at the n-th success; failed once n successes are impossible.
 * @example joinStatus({ a: "succeeded" }, { fork: "f", mode: "any", tolerateFailures: 0, branches: 3 }) // "done"
 */
export function joinStatus(results: Record<string, "succeeded" | "failed">, params: JoinParams): "pending" | "done" | "failed" {
  const values = Object.values(results);
  const succeeded = values.filter((value) => value === "succeeded").length;
  const failed = values.length - succeeded;
  const open = params.branches - values.length;
  if (params.mode === "all") {
    if (failed > params.tolerateFailures) return "failed";
    return open === 0 ? "done" : "pending";
  }
  const needed = params.mode === "any" ? 1 : (params.n ?? params.branches);
  if (succeeded >= needed) return "done";
  return succeeded + open < needed ? "failed" : "pending";
}
