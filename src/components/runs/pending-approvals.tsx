"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";
import { formatDateTime } from "./format";
import { fieldOf } from "./json-field";
import type { RunDetail } from "./run-types";

type Approval = RunDetail["approvals"][number];

function DecisionForm({ approval, runId }: { approval: Approval; runId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState("");
  const decide = useMutation(
    trpc.approval.decide.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.run.get.queryKey({ runId }) }),
    }),
  );
  const details = fieldOf(approval.details, "text");
  const submit = (decision: "approve" | "reject") => decide.mutate({ approvalId: approval.id, decision, comment: comment.trim() || undefined });

  return (
    <form
      className="pending-approval"
      aria-label={`Decide: ${approval.summary}`}
      data-testid="pending-approval"
      onSubmit={(event) => {
        event.preventDefault();
        submit("approve");
      }}
    >
      <strong>{approval.summary}</strong>
      {typeof details === "string" && <p className="muted">{details}</p>}
      {approval.recommendation && <p className="pending-approval-recommendation">Recommendation: {approval.recommendation}</p>}
      <p className="run-note">
        Risk {approval.risk}
        {approval.deadline && ` · decide by ${formatDateTime(approval.deadline)}`}
        {approval.quorum > 1 && ` · ${approval.decisions.length} of ${approval.quorum} approvals`}
      </p>
      <label>
        Comment
        <textarea rows={2} value={comment} onChange={(event) => setComment(event.target.value)} placeholder="Why (required to reject)" />
      </label>
      {decide.error && (
        <p className="alert" role="alert">
          {decide.error.message}
        </p>
      )}
      <div className="form-row">
        <button type="submit" className="button" disabled={decide.isPending}>
          Approve
        </button>
        <button type="button" className="button danger" disabled={decide.isPending} onClick={() => submit("reject")}>
          Reject
        </button>
      </div>
    </form>
  );
}

/**
 * The approvals a run is waiting for, each with approve / reject and a comment, so a test run can
 * be driven to its end from the run view (the inbox is where approvers normally decide).
 */
export function PendingApprovals({ run }: { run: RunDetail }) {
  const pending = run.approvals.filter((approval) => approval.kind === "approval" && approval.status === "pending");
  if (pending.length === 0) return null;
  return (
    <section className="run-panel-section" aria-label="Waiting for a decision">
      <h3>Waiting for a decision</h3>
      {pending.map((approval) => (
        <DecisionForm key={approval.id} approval={approval} runId={run.id} />
      ))}
    </section>
  );
}
