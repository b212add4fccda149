import type { ReactNode } from "react";
import { AppShell } from "~/components/shell/app-shell";
import { requireUser } from "~/server/auth/require";
import { AREAS, canEnter, type Area } from "~/server/auth/roles";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const links = (Object.keys(AREAS) as Area[])
    .filter((area) => canEnter(user.role, area))
    .map((area) => ({ href: AREAS[area].href, label: AREAS[area].label }));
  return (
    <AppShell links={links} user={{ name: user.name, email: user.email, role: user.role }}>
      {children}
    </AppShell>
  );
}
