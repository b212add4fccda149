import type { Metadata } from "next";
import { AdminTabs } from "~/components/admin/admin-tabs";
import { AuditLogTable } from "~/components/admin/audit-log-table";
import { requireArea } from "~/server/auth/require";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  await requireArea("admin");
  return (
    <>
      <h1>Admin</h1>
      <AdminTabs current="audit" />
      <AuditLogTable />
    </>
  );
}
