import { parseArgs } from "node:util";

import type { Graph } from "../../engine";
import type { PrismaClient } from "../../server/db/client";
import { AppError } from "../../server/errors";
import { systemClock, VirtualClock } from "../../server/runtime/clock";
import { parseRunInput } from "../../server/runtime/run/run-input";
import { Runtime, type RuntimeOptions } from "../../server/runtime/runtime";
import type { Command, CommandIo } from "../command";
import { openRunDatabase } from "../run/database";
import { applyEvent, currentRun, isFinished, settle, waitForNearTimers, type RunSession } from "../run/drive-run";
import { parseEventsFile, type ScriptedEvent } from "../run/events-file";
import { LedgerPrinter } from "../run/ledger-printer";
import { runtimeConfigFromEnv } from "../run/runtime-config";
import { readGraph } from "./read-graph";

const USAGE = "run FILE --input JSON [--events FILE.jsonl] [--clock virtual] [--shadow] [--db PATH]";

type Options = {
  file: string;
  input: unknown;
  events: ScriptedEvent[];
  eventsFile: string | undefined;
  virtual: boolean;
  shadow: boolean;
  db: string | undefined;
  runtimeConfig: Pick<RuntimeOptions, "model" | "secrets" | "httpAllowlist">;
};

/** Parses and checks everything before any database is touched; a problem is reported and yields undefined (exit 2). */
async function readOptions(args: string[], io: CommandIo): Promise<(Options & { graph: Graph }) | undefined> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        input: { type: "string" },
        events: { type: "string" },
        clock: { type: "string" },
        shadow: { type: "boolean" },
        db: { type: "string" },
      },
    });
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\nUsage: flowgate ${USAGE}\n`);
    return undefined;
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    io.stderr(`${positionals.length === 0 ? "Missing FILE argument." : `Expected one FILE, got ${positionals.join(" ")}.`}\nUsage: flowgate ${USAGE}\n`);
    return undefined;
  }
  const clock = values.clock ?? "system";
  if (clock !== "virtual" && clock !== "system") {
    io.stderr(`--clock must be "virtual" or "system", not "${clock}".\n`);
    return undefined;
  }

  const result = await readGraph(positionals, io);
  if (!result) return undefined;
  if (!result.ok) {
    io.stderr(`${JSON.stringify(result.problems, null, 2)}\n`);
    return undefined;
  }
  for (const warning of result.problems) io.stderr(`warning ${warning.code}: ${warning.message}\n`);

  let input: unknown = {};
  if (values.input !== undefined) {
    try {
      input = JSON.parse(values.input);
    } catch (error) {
      io.stderr(`--input is not valid JSON: ${error instanceof Error ? error.message : String(error)}\n`);
      return undefined;
    }
  }
  try {
    parseRunInput(result.graph, input);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    io.stderr(`${error.message}\n`);
    return undefined;
  }

  let events: ScriptedEvent[] = [];
  if (values.events !== undefined) {
    let content: string;
    try {
      content = await io.readFile(values.events);
    } catch (error) {
      io.stderr(`Cannot read ${values.events}: ${error instanceof Error ? error.message : String(error)}\n`);
      return undefined;
    }
    const parsedEvents = parseEventsFile(content);
    const problems = parsedEvents.ok ? [] : parsedEvents.problems;
    if (parsedEvents.ok && clock !== "virtual") {
      for (const event of parsedEvents.events) {
        if (event.kind === "advance") problems.push({ line: event.line, message: `"advance" moves the virtual clock: add --clock virtual` });
      }
    }
    if (problems.length > 0) {
      for (const problem of problems) io.stderr(`${values.events}:${problem.line}: ${problem.message}\n`);
      return undefined;
    }
    events = parsedEvents.ok ? parsedEvents.events : [];
  }

  const config = runtimeConfigFromEnv(process.env);
  if (!config.ok) {
    io.stderr(`${config.message}\n`);
    return undefined;
  }
  return {
    file: positionals[0]!,
    graph: result.graph,
    input,
    events,
    eventsFile: values.events,
    virtual: clock === "virtual",
    shadow: values.shadow ?? false,
    db: values.db,
    runtimeConfig: config.config,
  };
}

/** The workflow row a CLI run belongs to: the one with the graph's name (e.g. a seeded example), or a new one. */
async function workflowFor(db: PrismaClient, graph: Graph): Promise<string> {
  const existing = await db.workflow.findFirst({ where: { name: graph.name, archived: false }, orderBy: { createdAt: "asc" }, select: { id: true } });
  if (existing) return existing.id;
  const created = await db.workflow.create({
    data: { name: graph.name, description: graph.description ?? "", draftGraph: JSON.stringify(graph), createdById: "cli", updatedById: "cli" },
  });
  return created.id;
}

/**
 * `flowgate run FILE --input JSON …`: runs a workflow with the real runtime on a temporary (or
 * kept) SQLite database, feeds it the events file whenever it waits, prints every ledger row as a
 * JSON line as it commits and then the final status. Exit 0 completed, 1 otherwise, 2 usage.
 */
export const runCommand: Command = {
  name: "run",
  usage: USAGE,
  summary: "Run a workflow on a temporary database; prints the ledger as JSON lines, then the final status.",
  run: async (args, io) => {
    const options = await readOptions(args, io);
    if (!options) return 2;

    let database;
    try {
      database = await openRunDatabase(options.db);
    } catch (error) {
      io.stderr(`Cannot prepare the database${options.db ? ` at ${options.db}` : ""}: ${error instanceof Error ? error.message : String(error)}\n`);
      return 2;
    }
    const { db } = database;
    const virtualClock = options.virtual ? new VirtualClock(new Date()) : undefined;
    const runtime = new Runtime({
      db,
      clock: virtualClock ?? systemClock,
      ...options.runtimeConfig,
      // On the virtual clock a retry's wait moves the clock instead of taking real time.
      ...(virtualClock ? { sleep: async (ms: number) => void virtualClock.advance(ms) } : {}),
    });
    const printer = new LedgerPrinter(db, io.stdout);
    let unsubscribe = () => {};
    try {
      const workflowId = await workflowFor(db, options.graph);
      // Subscribed before the start: the first rows commit before startRun resolves.
      unsubscribe = runtime.bus.subscribe({ workflowId }, (message) => void printer.flush(message.runId));
      const { runId } = await runtime.startRun({
        workflowId,
        versionId: null,
        graph: options.graph,
        input: options.input,
        shadow: options.shadow,
        startedById: null,
      });
      const session: RunSession = { runtime, db, runId, graph: options.graph, virtualClock };
      let code = await drive(session, options, io);
      await printer.flush(runId);
      const run = await currentRun(session);
      io.stdout(
        `${JSON.stringify({
          status: run.status,
          outcome: run.outcome,
          runId,
          steps: run.stepCount,
          nodes: run.nodes,
          ...(database.kept ? { db: database.file } : {}),
        })}\n`,
      );
      if (run.status !== "completed") code = 1;
      return code;
    } catch (error) {
      io.stderr(`${error instanceof AppError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      return 1;
    } finally {
      unsubscribe();
      await runtime.shutdown();
      await database.dispose();
    }
  },
};

/**
 * Feeds the events to the run whenever it waits. Returns 1 when an event could not be applied or
 * the run kept working past the settle timeout, else 0 (the caller then judges the status).
 */
async function drive(session: RunSession, options: Options, io: CommandIo): Promise<number> {
  try {
    await settle(session);
    for (const [index, event] of options.events.entries()) {
      const run = await currentRun(session);
      if (run.status !== "waiting") {
        const unused = options.events.length - index;
        const why = isFinished(run.status) ? `the run has finished (${run.status})` : `the run is still ${run.status}`;
        io.stderr(`${options.eventsFile}:${event.line}: ${unused} event(s) from here on were not used: ${why}.\n`);
        return 0;
      }
      const problem = await applyEvent(session, event);
      if (problem) {
        io.stderr(`${options.eventsFile}:${event.line}: ${problem}.\n`);
        return 1;
      }
    }
    if (!session.virtualClock) await waitForNearTimers(session);
    return 0;
  } catch (error) {
    if (!(error instanceof AppError && error.code === "TIMEOUT")) throw error;
    io.stderr(`${error.message}\n`);
    return 1;
  }
}
