import type { Metadata } from "next";
import { EmptyAreaPage } from "~/components/shell/empty-area-page";

export const metadata: Metadata = { title: "Inbox" };

export default function InboxPage() {
  return (
    <EmptyAreaPage area="inbox" title="Inbox" emptyTitle="Nothing waiting for you">
      Approvals assigned to you or your role will appear here.
    </EmptyAreaPage>
  );
}
