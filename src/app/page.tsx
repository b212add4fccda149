import { redirect } from "next/navigation";
import { requireUser } from "~/server/auth/require";
import { AREAS, canEnter, type Area } from "~/server/auth/roles";

/** The home page sends each person to the first area their role may enter. */
export default async function HomePage() {
  const user = await requireUser();
  const first = (Object.keys(AREAS) as Area[]).find((area) => canEnter(user.role, area)) ?? "dashboard";
  redirect(AREAS[first].href);
}
