import type { Metadata } from "next";
import { EmptyAreaPage } from "~/components/shell/empty-area-page";

export const metadata: Metadata = { title: "Rule tables" };

export default function RuleTablesPage() {
  return (
    <EmptyAreaPage area="rules" title="Rule tables" emptyTitle="No rule tables yet">
      Routing and decision tables, each save an immutable version, will be managed here.
    </EmptyAreaPage>
  );
}
