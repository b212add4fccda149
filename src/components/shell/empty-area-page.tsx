import type { ReactNode } from "react";
import { EmptyState } from "~/components/ui/empty-state";
import { requireArea } from "~/server/auth/require";
import type { Area } from "~/server/auth/roles";

type Props = { area: Area; title: string; emptyTitle: string; children: ReactNode };

/** An area whose content comes with a later capability: checks access, then says honestly that it is empty. */
export async function EmptyAreaPage({ area, title, emptyTitle, children }: Props) {
  await requireArea(area);
  return (
    <>
      <h1>{title}</h1>
      <EmptyState title={emptyTitle}>
        <p>{children}</p>
      </EmptyState>
    </>
  );
}
