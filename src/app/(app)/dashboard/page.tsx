import type { Metadata } from "next";
import { EmptyAreaPage } from "~/components/shell/empty-area-page";

export const metadata: Metadata = { title: "Dashboard" };

export default function DashboardPage() {
  return (
    <EmptyAreaPage area="dashboard" title="Dashboard" emptyTitle="No metrics yet">
      Run counts, approval times and costs appear here once workflows have run.
    </EmptyAreaPage>
  );
}
