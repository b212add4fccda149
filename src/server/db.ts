import "server-only";
import { env } from "~/env";
import { createPrismaClient, type PrismaClient } from "~/server/db/client";

// One client per process; cached on globalThis so Next's dev reloads do not open a new one each time.
const globalForPrisma = globalThis as unknown as { flowgatePrisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.flowgatePrisma ?? createPrismaClient(env.DATABASE_URL);

if (env.NODE_ENV !== "production") globalForPrisma.flowgatePrisma = db;
