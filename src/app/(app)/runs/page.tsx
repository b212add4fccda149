import type { Metadata } from "next";
import { EmptyAreaPage } from "~/components/shell/empty-area-page";

export const metadata: Metadata = { title: "Runs" };

export default function RunsPage() {
  return (
    <EmptyAreaPage area="runs" title="Runs" emptyTitle="No runs yet">
      Every run of a workflow, with its full trace, will be listed here.
    </EmptyAreaPage>
  );
}
