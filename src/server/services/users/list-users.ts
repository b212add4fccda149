import type { PrismaClient } from "~/server/db/client";
import { userSummarySelect } from "./user-schemas";

export function listUsers(db: PrismaClient) {
  return db.user.findMany({ select: userSummarySelect, orderBy: [{ active: "desc" }, { email: "asc" }] });
}
