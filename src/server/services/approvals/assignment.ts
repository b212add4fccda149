import type { AuthenticatedUser } from "~/server/services/auth/authenticate";

type Assignable = { assigneeUsers: string; assigneeRoles: string };

/** Whether a request is assigned to this person: by email or id, or through their role. */
export function isAssignedTo(request: Assignable, user: AuthenticatedUser): boolean {
  const users = JSON.parse(request.assigneeUsers) as string[];
  const roles = JSON.parse(request.assigneeRoles) as string[];
  return users.includes(user.email) || users.includes(user.id) || roles.includes(user.role);
}
