import type { ReactNode } from "react";

/** An honest empty state: says what is missing and, where it helps, what will fill it. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty panel">
      <strong>{title}</strong>
      {children}
    </div>
  );
}
