import type { Metadata } from "next";
import { RunsList } from "~/components/runs/runs-list";
import { requireArea } from "~/server/auth/require";
import { canEnter } from "~/server/auth/roles";

export const metadata: Metadata = { title: "Runs" };

export default async function RunsPage() {
  const user = await requireArea("runs");
  return (
    <>
      <h1>Runs</h1>
      <RunsList canStart={canEnter(user.role, "workflows")} />
    </>
  );
}
