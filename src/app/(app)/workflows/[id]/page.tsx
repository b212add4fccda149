import type { Metadata } from "next";
import { DesignerScreen } from "~/components/designer/designer-screen";
import { RunButton } from "~/components/runs/run-button";
import { requireArea } from "~/server/auth/require";
import { canEnter } from "~/server/auth/roles";
import { db } from "~/server/db";
import { listUsers } from "~/server/services/users/list-users";

export const metadata: Metadata = { title: "Workflow designer" };

export default async function WorkflowDesignerPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireArea("workflows");
  const { id } = await params;
  const authors = Object.fromEntries((await listUsers(db)).map((user) => [user.id, user.name]));
  return (
    <DesignerScreen
      key={id}
      workflowId={id}
      authors={authors}
      toolbarExtras={<RunButton workflowId={id} people={authors} canDecide={canEnter(viewer.role, "inbox")} />}
    />
  );
}
