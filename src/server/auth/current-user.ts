import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { db } from "~/server/db";
import { loadActiveUser } from "~/server/services/users/load-active-user";
import { authOptions } from "./options";

/**
 * The signed-in person for this request, read fresh from the database: `null` when there is no
 * session, the account is gone, or it has been deactivated. Cached per request.
 */
export const getCurrentUser = cache(async () => {
  const session = await getServerSession(authOptions);
  return session?.user.id ? loadActiveUser(db, session.user.id) : null;
});
