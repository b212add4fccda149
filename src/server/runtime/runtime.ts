import { createHash, randomUUID } from "node:crypto";
import type { AnyActorLogic, AnyStateMachine } from "xstate";
import { compile, validateGraph, type ActorKey, type Graph } from "~/engine";
import type { PrismaClient } from "~/server/db/client";
import type { Prisma } from "~/server/db/generated/client";
import { AppError } from "~/server/errors";
import type { Clock } from "./clock";
import type { Connector } from "./connectors/contract";
import { createConnectorRegistry, type ConnectorRegistry } from "./connectors/registry";
import { GENESIS_HASH } from "./ledger/ledger-hash";
import { KeyedMutex } from "./keyed-mutex";
import { createLlmClient, DEFAULT_PRICES, type PriceTable } from "./llm";
import { boundPayload } from "./payload/bound-payload";
import { redact } from "./payload/redact";
import { compensateRun } from "./compensation/compensate-run";
import { appendFinishedRunRow, type ExternalRow } from "./ledger/append-row";
import { CommitQueue } from "./persistence/commit-queue";
import { parseRunInput } from "./run/run-input";
import { RunEventBus } from "./run/run-events";
import { RunExecutor, type ExecutorDeps, type RunState } from "./run/run-executor";
import { UNFINISHED_STATUSES } from "./run/run-status";
import { createStepActors } from "./steps/step-actors";
import type { StepEnv } from "./steps/step-env";

type Tx = Prisma.TransactionClient;

export interface RuntimeOptions {
  db: PrismaClient;
  clock: Clock;
  model: { apiKey?: string; baseURL?: string; defaultModel: string; prices?: PriceTable };
  /** Server-side secrets that steps reference by name; redacted from everything stored. */
  secrets?: Readonly<Record<string, string>>;
  httpAllowlist?: readonly string[];
  /** Most transitions a run may take. Default 1,000. */
  maxSteps?: number;
  /** Largest stored payload (ledger row, tool request or response), in bytes. Default 64 KiB. */
  maxPayloadBytes?: number;
  /** Waits between retries; tests pass a faster one. */
  sleep?: (ms: number) => Promise<void>;
  /** The connectors task steps (and llm tools) may call. Default: the built-in ones. */
  connectors?: readonly Connector[];
}

export interface StartRunRequest {
  workflowId: string;
  versionId: string | null;
  /** A graph that passed `validateGraph` (defaults applied). */
  graph: Graph;
  input: unknown;
  shadow: boolean;
  startedById: string | null;
  idempotencyKey?: string;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The durable runtime: starts runs from validated graphs, keeps one live executor per unfinished
 * run, delivers events to them, fires durable timers, and resumes everything after a restart.
 */
export class Runtime {
  readonly bus = new RunEventBus();
  readonly connectors: ConnectorRegistry;
  readonly clock: Clock;
  private readonly db: PrismaClient;
  private readonly queue: CommitQueue;
  private readonly executors = new Map<string, RunExecutor>();
  private readonly machines = new Map<string, AnyStateMachine>();
  private readonly machinesByGraph = new WeakMap<Graph, AnyStateMachine>();
  private readonly stepActors: Record<ActorKey, AnyActorLogic>;
  private readonly locks = new KeyedMutex();
  private readonly deps: ExecutorDeps;
  private readonly env: StepEnv;
  private timerLoop: NodeJS.Timeout | undefined;
  private firing = false;

  constructor(options: RuntimeOptions) {
    this.db = options.db;
    this.clock = options.clock;
    this.queue = new CommitQueue(options.db);
    this.connectors = createConnectorRegistry(options.connectors);
    const secrets = options.secrets ?? {};
    const secretValues = [...Object.values(secrets), ...(options.model.apiKey ? [options.model.apiKey] : [])];
    const maxPayloadBytes = options.maxPayloadBytes ?? 64 * 1024;
    const sanitize = (value: unknown) => boundPayload(redact(value, { secretValues }), maxPayloadBytes).value;
    const env: StepEnv = {
      db: options.db,
      clock: options.clock,
      connectors: this.connectors,
      llm: createLlmClient({ ...options.model, prices: options.model.prices ?? DEFAULT_PRICES }),
      modelConfigured: Boolean(options.model.apiKey),
      secrets,
      httpAllowlist: options.httpAllowlist ?? [],
      sleep: options.sleep ?? realSleep,
      sanitize,
    };
    this.env = env;
    this.stepActors = createStepActors(env);
    this.deps = {
      queue: this.queue,
      clock: options.clock,
      bus: this.bus,
      maxSteps: options.maxSteps ?? 1000,
      sanitize,
      onFinished: (run) => {
        this.executors.delete(run.id);
        if (run.status === "failed" || run.status === "cancelled") {
          this.compensate(run.id).catch((error: unknown) => console.error(`[flowgate] compensation of run ${run.id}:`, error));
        }
      },
    };
  }

  /**
   * The compiled machine of a graph with the step actors provided: built once per distinct graph
   * (by content), and looked up by object first, since callers usually pass the same graph object.
   */
  private machineFor(graph: Graph): AnyStateMachine {
    const known = this.machinesByGraph.get(graph);
    if (known) return known;
    const key = createHash("sha256").update(JSON.stringify(graph)).digest("hex");
    let machine = this.machines.get(key);
    if (!machine) {
      machine = compile(graph).machine.provide({ actors: this.stepActors });
      this.machines.set(key, machine);
    }
    this.machinesByGraph.set(graph, machine);
    return machine;
  }

  /**
   * Starts a run, or returns the run already started with the same idempotency key. Resolves
   * once the run row and its first ledger row are durable.
   */
  async startRun(request: StartRunRequest): Promise<{ runId: string; created: boolean }> {
    const input = parseRunInput(request.graph, request.input);
    if (request.idempotencyKey) {
      const existing = await this.findByKey(request.workflowId, request.idempotencyKey);
      if (existing) return { runId: existing, created: false };
    }
    const runId = randomUUID();
    const state: RunState = {
      id: runId,
      workflowId: request.workflowId,
      shadow: request.shadow,
      startedById: request.startedById,
      graph: request.graph,
      machine: this.machineFor(request.graph),
      visits: {},
      lastSeq: 0,
      lastHash: GENESIS_HASH,
      stepCount: 0,
    };
    const newRun = {
      id: runId,
      workflowId: request.workflowId,
      versionId: request.versionId,
      graph: JSON.stringify(request.graph),
      ruleVersions: JSON.stringify(ruleVersionsOf(request.graph)),
      shadow: request.shadow,
      input: JSON.stringify(input),
      startedById: request.startedById,
      idempotencyKey: request.idempotencyKey ?? null,
      createdAt: this.clock.now(),
    };
    const executor = RunExecutor.start(this.deps, state, input, newRun);
    if (!executor.finished) this.executors.set(runId, executor);
    try {
      await executor.whenDurable();
    } catch (error) {
      this.executors.delete(runId);
      // Two starts with the same key at once: the unique index let one through; that is the run.
      const existing = request.idempotencyKey ? await this.findByKey(request.workflowId, request.idempotencyKey) : null;
      if (existing) return { runId: existing, created: false };
      throw error;
    }
    return { runId, created: true };
  }

  private async findByKey(workflowId: string, idempotencyKey: string): Promise<string | null> {
    const run = await this.db.run.findUnique({ where: { workflowId_idempotencyKey: { workflowId, idempotencyKey } }, select: { id: true } });
    return run?.id ?? null;
  }

  /** The live executor of an unfinished run. */
  executor(runId: string): RunExecutor {
    const executor = this.executors.get(runId);
    if (!executor) throw new AppError("CONFLICT", `Run ${runId} is not running: it has finished or does not exist.`);
    return executor;
  }

  /**
   * Runs `work` alone for this run: checks made inside it cannot be invalidated by another event
   * for the same run until it is done.
   */
  exclusive<T>(runId: string, work: (executor: RunExecutor) => Promise<T>): Promise<T> {
    return this.locks.run(runId, () => work(this.executor(runId)));
  }

  /** Sends an external event (signal, escalation answer…) and resolves once its transition is durable. */
  send(runId: string, event: { type: string; [key: string]: unknown }, by: string, effects: ((tx: Tx) => Promise<void>)[] = []) {
    return this.exclusive(runId, (executor) => executor.send(event, by, effects));
  }

  /**
   * Sends a named signal to a run that waits for it at a `wait` node. A run that does not wait
   * for that signal gets a CONFLICT instead of an event nothing would notice.
   */
  signal(runId: string, name: string, payload: unknown, by: string): Promise<void> {
    return this.exclusive(runId, async (executor) => {
      const active = new Set(executor.activeNodes);
      const waits = executor.graph.nodes.some(
        (node) => active.has(node.id) && node.type === "wait" && node.config.mode === "signal" && node.config.signal === name,
      );
      if (!waits) throw new AppError("CONFLICT", `Run ${runId} is not waiting for the signal "${name}".`);
      await executor.send({ type: "SIGNAL", name, payload: payload ?? null }, by);
    });
  }

  /** Cancels an unfinished run: its steps are stopped, open requests closed, timers cancelled. */
  cancel(runId: string, by: string, reason: string): Promise<void> {
    return this.exclusive(runId, (executor) => executor.terminate("cancelled", by, reason));
  }

  /**
   * Runs the compensation steps of a failed or cancelled run (see `compensateRun`), one pass at a
   * time per run.
   *
   * @returns how many compensations were recorded.
   */
  compensate(runId: string): Promise<number> {
    const append = (row: ExternalRow) => appendFinishedRunRow({ db: this.db, clock: this.clock, bus: this.bus, sanitize: this.deps.sanitize }, runId, row);
    return this.locks.run(`compensate:${runId}`, () => compensateRun(this.env, append, runId));
  }

  /**
   * Fires every pending timer that is due by the clock, each at most once: the timer row is
   * marked fired in the same transaction as the transition it causes.
   *
   * @returns how many timers fired.
   */
  async fireDueTimers(): Promise<number> {
    if (this.firing) return 0;
    this.firing = true;
    try {
      const due = await this.db.timer.findMany({
        where: { status: "pending", dueAt: { lte: this.clock.now() } },
        orderBy: { dueAt: "asc" },
        take: 500,
      });
      let fired = 0;
      for (const timer of due) {
        const markFired = async (tx: Tx) => {
          await tx.timer.updateMany({ where: { id: timer.id, status: "pending" }, data: { status: "fired", firedAt: this.clock.now() } });
        };
        if (!this.executors.has(timer.runId)) {
          await this.db.timer.updateMany({ where: { id: timer.id, status: "pending" }, data: { status: "cancelled" } });
          continue;
        }
        await this.send(timer.runId, { type: "TIMER.FIRED", timerId: timer.timerId }, "system:timer", [markFired]);
        fired += 1;
      }
      return fired;
    } finally {
      this.firing = false;
    }
  }

  /** Polls for due timers every `intervalMs` of real time. */
  startTimers(intervalMs = 500): void {
    this.timerLoop ??= setInterval(() => {
      this.fireDueTimers().catch((error: unknown) => console.error("[flowgate] timer loop:", error));
    }, intervalMs);
  }

  /**
   * Resumes every unfinished run from its last durable snapshot: steps that were working start
   * again (under their idempotency keys), timers and open requests are picked up as they were.
   *
   * @returns the ids of the resumed runs.
   */
  async recover(): Promise<string[]> {
    const runs = await this.db.run.findMany({ where: { status: { in: [...UNFINISHED_STATUSES] } } });
    const resumed: string[] = [];
    // Compensations a crash interrupted: recently ended runs that still have one to do.
    const recentlyEnded = await this.db.run.findMany({
      where: {
        status: { in: ["failed", "cancelled"] },
        finishedAt: { gte: new Date(this.clock.now().getTime() - 7 * 24 * 60 * 60 * 1000) },
        invocations: { some: { status: "succeeded", shadow: false } },
      },
      select: { id: true },
    });
    for (const run of recentlyEnded) await this.compensate(run.id);
    for (const run of runs) {
      if (this.executors.has(run.id)) continue;
      const parsed = validateGraph(JSON.parse(run.graph));
      if (!parsed.ok) {
        await this.db.run.update({ where: { id: run.id }, data: { status: "failed", error: "Its graph no longer validates." } });
        continue;
      }
      const [timers, requests, last] = await Promise.all([
        this.db.timer.findMany({ where: { runId: run.id, status: "pending" } }),
        this.db.approval.findMany({ where: { runId: run.id, status: "pending" } }),
        this.db.runEvent.findFirst({ where: { runId: run.id }, orderBy: { seq: "desc" } }),
      ]);
      const executor = RunExecutor.resume(
        this.deps,
        {
          id: run.id,
          workflowId: run.workflowId,
          shadow: run.shadow,
          startedById: run.startedById,
          graph: parsed.graph,
          machine: this.machineFor(parsed.graph),
          visits: JSON.parse(run.visits) as Record<string, number>,
          lastSeq: run.lastSeq,
          lastHash: run.lastHash,
          stepCount: run.stepCount,
        },
        JSON.parse(run.snapshot),
        {
          armed: timers.map((timer) => ({ timerId: timer.timerId, nodeId: timer.nodeId, visit: timer.visit })),
          openRequests: requests.map((request) => ({
            kind: request.kind as "approval" | "escalation",
            nodeId: request.nodeId,
            tier: request.tier,
            visit: request.visit,
          })),
          active: last ? (JSON.parse(last.toNodes) as string[]) : [],
        },
      );
      this.executors.set(run.id, executor);
      resumed.push(run.id);
    }
    return resumed;
  }

  /**
   * Resolves when the run has nothing in progress: it waits for a person, a timer or a signal,
   * or it has finished. For tests and the command line.
   */
  async settled(runId: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const executor = this.executors.get(runId);
      if (!executor) return;
      await executor.whenDurable();
      if (executor.finished || executor.status !== "running") return;
      if (Date.now() > deadline) throw new AppError("TIMEOUT", `Run ${runId} did not settle within ${timeoutMs} ms.`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** Stops the timer loop and waits for every pending write. Live executors are left as they are. */
  async shutdown(): Promise<void> {
    clearInterval(this.timerLoop);
    this.timerLoop = undefined;
    await this.queue.flush();
  }
}

/** The rule-table versions a graph's decision nodes pin, recorded on the run. */
function ruleVersionsOf(graph: Graph): Record<string, number> {
  const versions: Record<string, number> = {};
  for (const node of graph.nodes) {
    if (node.type === "decision" && node.config.source === "table") versions[node.config.table.id] = node.config.table.version;
  }
  return versions;
}
