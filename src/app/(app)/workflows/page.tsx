import type { Metadata } from "next";
import { EmptyAreaPage } from "~/components/shell/empty-area-page";

export const metadata: Metadata = { title: "Workflows" };

export default function WorkflowsPage() {
  return (
    <EmptyAreaPage area="workflows" title="Workflows" emptyTitle="No workflows yet">
      Workflows that designers draw on the canvas will be listed here.
    </EmptyAreaPage>
  );
}
