import "server-only";
import { env } from "~/env";
import { db } from "~/server/db";
import { applyMigrations } from "~/server/db/migrate";
import { seedDemoData } from "~/server/db/seed";
import { seedExampleData } from "~/server/db/seed-examples";
import { getRuntime } from "~/server/runtime-instance";

/**
 * Start-up: applies pending migrations, seeds demo users and example workflows into an empty
 * database, then resumes every unfinished run and starts the timer loop.
 */
export async function startFlowgate(): Promise<void> {
  const applied = applyMigrations(env.DATABASE_URL);
  if (applied.length > 0) console.info(`[flowgate] applied migrations: ${applied.join(", ")}`);
  if (env.SEED_DEMO_DATA && (await seedDemoData(db))) {
    const admin = await db.user.findFirstOrThrow({ where: { role: "admin" } });
    await seedExampleData(db, { createdById: admin.id });
    console.info("[flowgate] seeded demo users and example workflows");
  }
  const runtime = getRuntime();
  const resumed = await runtime.recover();
  if (resumed.length > 0) console.info(`[flowgate] resumed ${resumed.length} unfinished run(s)`);
  runtime.startTimers();
}
