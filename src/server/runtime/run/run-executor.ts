import { createActor, type AnyActorRef, type AnyMachineSnapshot, type AnyStateMachine, type InspectionEvent } from "xstate";
import { activeNodeIds, pendingTimers, type Graph, type RunContext } from "~/engine";
import type { Prisma } from "~/server/db/generated/client";
import { AppError } from "~/server/errors";
import type { Clock } from "~/server/runtime/clock";
import { closeHumanRequest, humanRequestsOf, openHumanRequest, requestKeyOf, type HumanRequestKey } from "~/server/runtime/human/human-requests";
import { ledgerHash } from "~/server/runtime/ledger/ledger-hash";
import type { CommitQueue, NewRunRow, PersistUnit } from "~/server/runtime/persistence/commit-queue";
import { bindRun } from "~/server/runtime/steps/step-actors";
import { NodeEntries } from "./node-entries";
import type { RunEventBus } from "./run-events";
import { statusOf, type RunStatus } from "./run-status";

type Tx = Prisma.TransactionClient;

/** What every executor shares: the runtime's services. */
export interface ExecutorDeps {
  queue: CommitQueue;
  clock: Clock;
  bus: RunEventBus;
  /** Most transitions one run may take before it fails; stops loops that never wait. */
  maxSteps: number;
  /** Makes a stored payload safe and bounded: secrets redacted, size capped. */
  sanitize: (value: unknown) => unknown;
  /** Called once a run has finished and its last row is durable. */
  onFinished: (run: RunExecutor) => void;
}

/** The run as the executor needs it. */
export interface RunState {
  id: string;
  workflowId: string;
  shadow: boolean;
  startedById: string | null;
  graph: Graph;
  /** The compiled machine with the runtime's step actors provided (one per workflow graph). */
  machine: AnyStateMachine;
  visits: Record<string, number>;
  lastSeq: number;
  lastHash: string;
  stepCount: number;
}

type ArmedTimer = { timerId: string; nodeId: string; visit: number };

/**
 * Runs one workflow run as a live XState actor and makes every transition durable.
 *
 * @remarks The actor is the machine's interpreter; this class watches it through XState's
 * inspection API. Each processed event becomes one ledger row (contiguous `seq`, hash-chained),
 * written in the same transaction as the run's persisted snapshot, the approval requests and the
 * timers that transition opened or closed. Writes go through the shared group-commit queue;
 * `send` resolves only once the transition it caused is durable. Step actors wait for the
 * snapshot that started them to be durable before they do anything (write-ahead), so after a
 * crash a restored run re-invokes exactly the steps whose start was recorded, under the same
 * idempotency keys.
 */
export class RunExecutor {
  readonly id: string;
  readonly workflowId: string;
  readonly shadow: boolean;
  readonly startedById: string | null;
  readonly graph: Graph;
  private readonly machine: AnyStateMachine;
  private readonly entries: NodeEntries;
  private actor: AnyActorRef | undefined;
  private seq: number;
  private lastHash: string;
  private stepCount: number;
  private active = new Set<string>();
  private microActive = new Set<string>();
  private path: string[] = [];
  private armed = new Map<string, ArmedTimer>();
  private openRequests = new Map<string, HumanRequestKey>();
  private attribution: string | null = null;
  private readonly serviceActors = new Map<string, string>();
  private pendingEffects: ((tx: Tx) => Promise<void>)[] = [];
  private newRun: NewRunRow | undefined;
  private durable: Promise<void> = Promise.resolve();
  private restoring = false;
  private ended = false;
  status: RunStatus = "running";

  private constructor(
    private readonly deps: ExecutorDeps,
    run: RunState,
  ) {
    this.id = run.id;
    this.workflowId = run.workflowId;
    this.shadow = run.shadow;
    this.startedById = run.startedById;
    this.graph = run.graph;
    this.machine = run.machine;
    this.entries = new NodeEntries(run.visits);
    this.seq = run.lastSeq;
    this.lastHash = run.lastHash;
    this.stepCount = run.stepCount;
  }

  /** Starts a new run: its row is written in the same transaction as its first ledger row (the start, with its input). */
  static start(deps: ExecutorDeps, run: RunState, input: Record<string, unknown>, row: NewRunRow): RunExecutor {
    const executor = new RunExecutor(deps, run);
    executor.newRun = row;
    executor.launch({ input });
    return executor;
  }

  /** Restores a run from its persisted snapshot and resumes it: steps that were working start again. */
  static resume(
    deps: ExecutorDeps,
    run: RunState,
    snapshot: unknown,
    state: { armed: ArmedTimer[]; openRequests: HumanRequestKey[]; active: string[] },
  ): RunExecutor {
    const executor = new RunExecutor(deps, run);
    for (const timer of state.armed) executor.armed.set(timer.timerId, timer);
    for (const key of state.openRequests) executor.openRequests.set(requestKeyOf(key), key);
    executor.active = new Set(state.active);
    executor.microActive = new Set(state.active);
    executor.restoring = true;
    executor.launch({ snapshot });
    executor.restoring = false;
    return executor;
  }

  private launch(options: { input: Record<string, unknown> } | { snapshot: unknown }): void {
    this.actor = createActor(this.machine, {
      ...("snapshot" in options ? { snapshot: options.snapshot as never } : { input: options.input }),
      inspect: (event) => this.inspect(event),
    });
    bindRun(this.actor.system, this);
    this.actor.start();
  }

  /** The visit number of a node: how many times the run has entered it. */
  visitOf(nodeId: string): number {
    return this.entries.visitOf(nodeId);
  }

  /** Resolves once everything this run has done so far is durable. */
  whenDurable(): Promise<void> {
    return this.durable;
  }

  /** Names who produces the result of an invoked step (`connector:payment.schedule`, `model:gpt-4.1`). */
  attributeStep(invokeId: string, actor: string): void {
    this.serviceActors.set(invokeId, actor);
  }

  /** The nodes the run is at, as of its last recorded transition. */
  get activeNodes(): string[] {
    return [...this.active];
  }

  get finished(): boolean {
    return this.ended;
  }

  /** The machine's current context (a copy is not made: read only). */
  get context(): RunContext {
    return (this.actor!.getSnapshot() as AnyMachineSnapshot).context as RunContext;
  }

  /**
   * Sends an event on behalf of `by` and resolves once its transition is durable. `effects`
   * are written in the same transaction (e.g. the decision row of an approval, a fired timer).
   */
  async send(event: { type: string; [key: string]: unknown }, by: string, effects: ((tx: Tx) => Promise<void>)[] = []): Promise<void> {
    if (this.ended) throw new AppError("CONFLICT", `Run ${this.id} has already finished.`);
    this.pendingEffects.push(...effects);
    this.attribution = by;
    try {
      this.actor!.send(event);
    } finally {
      this.attribution = null;
    }
    // An event the machine ignored produced no transition; its effects still have to land.
    if (this.pendingEffects.length > 0) this.track(this.deps.queue.commit({ events: [], after: inOrder(this.takeEffects()) }));
    await this.durable;
  }

  /** Ends the run from outside the machine (cancelled by a person, or failed by the runtime). */
  async terminate(status: "cancelled" | "failed", by: string, reason: string): Promise<void> {
    if (this.ended) throw new AppError("CONFLICT", `Run ${this.id} has already finished.`);
    this.ended = true;
    this.actor!.stop();
    const context = this.context;
    const now = this.deps.clock.now();
    const requests = [...this.openRequests.values()];
    this.openRequests.clear();
    this.armed.clear();
    const type = status === "cancelled" ? "RUN.CANCELLED" : "RUN.FAILED";
    this.appendRow({
      type,
      actor: by,
      payload: { reason },
      to: [],
      status,
      outcome: status,
      snapshot: null,
      error: status === "failed" ? reason : null,
      before: this.takeEffects(),
      after: [
        async (tx) => {
          for (const key of requests) await closeHumanRequest(tx, { runId: this.id, key, context, now, cancelled: true });
          await tx.timer.updateMany({ where: { runId: this.id, status: "pending" }, data: { status: "cancelled" } });
        },
      ],
    });
    await this.durable;
  }

  private inspect(event: InspectionEvent): void {
    if (event.actorRef.sessionId !== event.rootId) return;
    if (event.type === "@xstate.microstep") {
      const after = activeNodeIds(event.snapshot as AnyMachineSnapshot);
      const entered = this.entries.enter(this.microActive, after);
      this.path.push(...entered);
      this.microActive = new Set(after);
    } else if (event.type === "@xstate.snapshot" && !this.restoring && !this.ended) {
      this.record(event.event as { type: string; [key: string]: unknown }, event.snapshot as AnyMachineSnapshot);
    }
  }

  private actorOf(event: { type: string }): string {
    if (this.attribution) return this.attribution;
    const invoked = /^xstate\.(?:done|error)\.actor\.(.+)$/.exec(event.type)?.[1];
    return (invoked && this.serviceActors.get(invoked)) ?? "system";
  }

  private record(event: { type: string; [key: string]: unknown }, snapshot: AnyMachineSnapshot): void {
    const context = snapshot.context as RunContext;
    const to = activeNodeIds(snapshot);
    const { status, outcome } = statusOf(snapshot as never);
    const now = this.deps.clock.now();
    const before = this.takeEffects();
    const after = [...this.timerChanges(snapshot, to, now), ...this.requestChanges(to, context, now)];
    const { type, ...rest } = event;
    const output = (rest as { output?: { output?: { rationale?: unknown } } }).output;
    const rationale = typeof output?.output?.rationale === "string" ? output.output.rationale : null;
    const overBudget = status !== "completed" && status !== "failed" && status !== "cancelled" && this.stepCount + 1 > this.deps.maxSteps;

    this.appendRow({
      type,
      actor: this.actorOf(event),
      payload: { event: rest, path: this.path },
      to,
      status,
      outcome,
      rationale,
      snapshot: this.machine.getPersistedSnapshot(snapshot),
      error: snapshot.status === "error" ? String((snapshot as { error?: unknown }).error) : null,
      before,
      after,
    });
    this.path = [];
    if (status !== "running" && status !== "waiting") {
      this.ended = true;
      this.actor?.stop();
    } else if (overBudget) {
      queueMicrotask(() => void this.terminate("failed", "system", `Step budget exceeded: more than ${this.deps.maxSteps} transitions.`));
    }
  }

  private appendRow(row: {
    type: string;
    actor: string;
    payload: unknown;
    to: string[];
    status: RunStatus;
    outcome: string | null;
    rationale?: string | null;
    snapshot: unknown;
    error: string | null;
    before: ((tx: Tx) => Promise<void>)[];
    after: ((tx: Tx) => Promise<void>)[];
  }): void {
    const at = this.deps.clock.now();
    const fromNodes = [...this.active];
    const payload = this.deps.sanitize(row.payload);
    const fields = {
      runId: this.id,
      seq: this.seq + 1,
      at,
      actor: row.actor,
      type: row.type,
      fromNodes: JSON.stringify(fromNodes),
      toNodes: JSON.stringify(row.to),
      payload: JSON.stringify(payload),
      rationale: row.rationale ?? null,
      prevHash: this.lastHash,
    };
    const hash = ledgerHash(fields);
    this.seq = fields.seq;
    this.lastHash = hash;
    this.stepCount += 1;
    this.active = new Set(row.to);
    this.status = row.status;
    const finished = row.status !== "running" && row.status !== "waiting";
    const unit: PersistUnit = {
      newRun: this.newRun,
      before: inOrder(row.before),
      events: [{ ...fields, hash }],
      run: {
        id: this.id,
        data: {
          ...(row.snapshot !== null ? { snapshot: JSON.stringify(row.snapshot) } : {}),
          status: row.status,
          outcome: row.outcome,
          visits: JSON.stringify(this.entries.toJSON()),
          lastSeq: this.seq,
          lastHash: hash,
          stepCount: this.stepCount,
          ...(row.error ? { error: row.error } : {}),
          ...(finished ? { finishedAt: at } : {}),
        },
      },
      after: inOrder(row.after),
    };
    this.newRun = undefined;
    const message = {
      runId: this.id,
      workflowId: this.workflowId,
      seq: fields.seq,
      at: at.toISOString(),
      actor: fields.actor,
      type: fields.type,
      fromNodes,
      toNodes: row.to,
      payload,
      rationale: fields.rationale,
      status: row.status,
    };
    this.track(
      this.deps.queue.commit(unit).then(() => {
        this.deps.bus.publish(message);
        if (finished) this.deps.onFinished(this);
      }),
    );
  }

  /** Chains a write so `whenDurable` covers it; a failed write stops the run (it resumes from the last durable snapshot on restart). */
  private track(write: Promise<void>): void {
    const previous = this.durable;
    this.durable = previous.then(() => write).catch((error: unknown) => {
      if (!this.ended) {
        this.ended = true;
        this.actor?.stop();
      }
      throw error;
    });
  }

  private takeEffects(): ((tx: Tx) => Promise<void>)[] {
    const effects = this.pendingEffects;
    this.pendingEffects = [];
    return effects;
  }

  /** Arms the timers of newly active states and cancels those of states the run left. */
  private timerChanges(snapshot: AnyMachineSnapshot, active: string[], now: Date): ((tx: Tx) => Promise<void>)[] {
    const pending = active.length > 0 ? pendingTimers(snapshot as never) : [];
    const changes: ((tx: Tx) => Promise<void>)[] = [];
    const wanted = new Set(pending.map((timer) => timer.timerId));
    for (const [timerId, timer] of this.armed) {
      if (wanted.has(timerId) && timer.visit === this.visitOf(timer.nodeId)) continue;
      this.armed.delete(timerId);
      changes.push((tx) =>
        tx.timer.updateMany({ where: { runId: this.id, timerId, visit: timer.visit, status: "pending" }, data: { status: "cancelled" } }).then(() => undefined),
      );
    }
    for (const timer of pending) {
      if (this.armed.has(timer.timerId)) continue;
      const visit = this.visitOf(timer.nodeId);
      const dueAt = timer.delayMs !== undefined ? new Date(now.getTime() + timer.delayMs) : timer.at ? new Date(timer.at) : null;
      if (!dueAt) continue;
      this.armed.set(timer.timerId, { timerId: timer.timerId, nodeId: timer.nodeId, visit });
      changes.push((tx) =>
        tx.timer
          .upsert({
            where: { runId_timerId_visit: { runId: this.id, timerId: timer.timerId, visit } },
            update: {},
            create: { runId: this.id, timerId: timer.timerId, nodeId: timer.nodeId, visit, dueAt },
          })
          .then(() => undefined),
      );
    }
    return changes;
  }

  /** Opens requests for people the run now waits on, and closes those it no longer waits on. */
  private requestChanges(active: string[], context: RunContext, now: Date): ((tx: Tx) => Promise<void>)[] {
    const wanted = humanRequestsOf(this.graph, active, context, (node) => this.visitOf(node));
    const wantedKeys = new Set(wanted.map(requestKeyOf));
    const changes: ((tx: Tx) => Promise<void>)[] = [];
    // Copied only when a request opens or closes: most transitions do neither.
    let contextCopy: RunContext | undefined;
    const copy = () => (contextCopy ??= structuredClone(context));
    for (const [id, key] of this.openRequests) {
      if (wantedKeys.has(id)) continue;
      this.openRequests.delete(id);
      const copied = copy();
      changes.push((tx) => closeHumanRequest(tx, { runId: this.id, key, context: copied, now }));
    }
    for (const key of wanted) {
      const id = requestKeyOf(key);
      if (this.openRequests.has(id)) continue;
      this.openRequests.set(id, key);
      const copied = copy();
      changes.push((tx) => openHumanRequest(tx, { runId: this.id, startedById: this.startedById, graph: this.graph, key, context: copied, now }));
    }
    return changes;
  }
}

/** Runs writes one after another inside the same transaction. */
function inOrder(effects: ((tx: Tx) => Promise<void>)[]): ((tx: Tx) => Promise<void>) | undefined {
  if (effects.length === 0) return undefined;
  return async (tx) => {
    for (const effect of effects) await effect(tx);
  };
}
