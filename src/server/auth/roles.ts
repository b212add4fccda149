import { z } from "zod";

export const ROLES = ["designer", "approver", "admin"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** The areas of the app, each with the roles that may enter it (checked on the server). */
export const AREAS = {
  workflows: { href: "/workflows", label: "Workflows", roles: ["designer", "admin"] },
  runs: { href: "/runs", label: "Runs", roles: ["designer", "approver", "admin"] },
  inbox: { href: "/inbox", label: "Inbox", roles: ["approver", "admin"] },
  rules: { href: "/admin/rules", label: "Rules", roles: ["admin"] },
  dashboard: { href: "/dashboard", label: "Dashboard", roles: ["designer", "approver", "admin"] },
  admin: { href: "/admin/users", label: "Admin", roles: ["admin"] },
} as const satisfies Record<string, { href: string; label: string; roles: readonly Role[] }>;

export type Area = keyof typeof AREAS;

export function canEnter(role: Role, area: Area): boolean {
  return (AREAS[area].roles as readonly Role[]).includes(role);
}
