import type { Metadata } from "next";
import { WorkflowsList } from "~/components/workflows/list/workflows-list";
import { requireArea } from "~/server/auth/require";

export const metadata: Metadata = { title: "Workflows" };

export default async function WorkflowsPage() {
  await requireArea("workflows");
  return <WorkflowsList />;
}
