import { startFlowgate } from "~/server/bootstrap";

/** Validates the environment, migrates, seeds and resumes runs before the first request; a failure stops the server. */
export async function startServer(): Promise<void> {
  try {
    await startFlowgate();
  } catch (error) {
    console.error(`[flowgate] cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
