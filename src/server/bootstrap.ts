import "server-only";
import { env } from "~/env";
import { db } from "~/server/db";
import { applyMigrations } from "~/server/db/migrate";
import { seedDemoData } from "~/server/db/seed";

/** Start-up: applies pending migrations, then seeds demo data into an empty database. */
export async function prepareDatabase(): Promise<void> {
  const applied = applyMigrations(env.DATABASE_URL);
  if (applied.length > 0) console.info(`[flowgate] applied migrations: ${applied.join(", ")}`);
  if (env.SEED_DEMO_DATA && (await seedDemoData(db))) console.info("[flowgate] seeded demo users");
}
