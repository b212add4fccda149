import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { canEnter, type Area } from "./roles";
import { getCurrentUser } from "./current-user";

/** For pages: the signed-in user, or a redirect to sign-in that comes back to this page. */
export async function requireUser() {
  const user = await getCurrentUser();
  if (!user) {
    const path = (await headers()).get("x-flowgate-path") ?? "/";
    redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  }
  return user;
}

/** For pages of one area: the user when their role may enter it, otherwise a 403 page. */
export async function requireArea(area: Area) {
  const user = await requireUser();
  if (!canEnter(user.role, area)) forbidden();
  return user;
}
