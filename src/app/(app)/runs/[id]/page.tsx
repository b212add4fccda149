import type { Metadata } from "next";
import Link from "next/link";
import { RunTraceView } from "~/components/runs/run-trace-view";
import { requireArea } from "~/server/auth/require";
import { canEnter } from "~/server/auth/roles";
import { db } from "~/server/db";
import { listUsers } from "~/server/services/users/list-users";

export const metadata: Metadata = { title: "Run" };

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireArea("runs");
  const { id } = await params;
  // Runs record who acted by user id; the trace shows names.
  const people = Object.fromEntries((await listUsers(db)).map((user) => [user.id, user.name]));
  return (
    <>
      <nav className="run-note run-breadcrumb" aria-label="Breadcrumb">
        <Link href="/runs">Runs</Link> / <span>{id}</span>
      </nav>
      <RunTraceView runId={id} people={people} canDecide={canEnter(viewer.role, "inbox")} />
    </>
  );
}
