"use client";

import { useQuery } from "@tanstack/react-query";
import { EmptyState } from "~/components/ui/empty-state";
import { useTRPC } from "~/trpc/react";

export function AuditLogTable() {
  const trpc = useTRPC();
  const entries = useQuery(trpc.audit.list.queryOptions({ limit: 100 }));
  if (entries.error) return <p className="alert">{entries.error.message}</p>;
  if (entries.isPending) return <p className="muted">Loading the audit log…</p>;
  if (entries.data.length === 0) return <EmptyState title="No changes recorded yet" />;
  return (
    <table className="data" aria-label="Audit log">
      <thead>
        <tr>
          <th>When</th>
          <th>Who</th>
          <th>Action</th>
          <th>Subject</th>
          <th>Details</th>
        </tr>
      </thead>
      <tbody>
        {entries.data.map((entry) => (
          <tr key={entry.id}>
            <td>{entry.createdAt.toLocaleString()}</td>
            <td>{entry.actor?.name ?? "system"}</td>
            <td>{entry.action}</td>
            <td>
              {entry.entityType} {entry.entityId}
            </td>
            <td>
              <code>{entry.data}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
