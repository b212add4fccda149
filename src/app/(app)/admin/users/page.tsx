import type { Metadata } from "next";
import { AdminTabs } from "~/components/admin/admin-tabs";
import { UsersAdmin } from "~/components/admin/users-admin";
import { requireArea } from "~/server/auth/require";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const admin = await requireArea("admin");
  return (
    <>
      <h1>Admin</h1>
      <AdminTabs current="users" />
      <UsersAdmin currentUserId={admin.id} />
    </>
  );
}
