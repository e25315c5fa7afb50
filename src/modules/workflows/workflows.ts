import type { Registry } from "prom-client";
import { z } from "zod";
import type { WriteContext } from "../../platform/actor.ts";
import type { Database } from "../../platform/db/database.ts";
import { AppError } from "../../platform/errors.ts";
import type { Logger } from "../../platform/logger.ts";
import type { Mailer } from "../../platform/mail/mailer.ts";
import type {
  BulkDecideInput,
  BulkDecideResult,
  CreateDelegationInput,
  DecideTaskInput,
  FlowInfo,
  NotificationSettingsInput,
  ReassignTaskInput,
  RunQuery,
  StartRunInput,
  TaskQuery,
  WorkQueueInput,
} from "./contract/index.ts";
import { createDelegation, listDelegations, revokeDelegation } from "./delegations.ts";
import { dispatchRun, stagesEnded } from "./engine/dispatch.ts";
import type { AnyFlow } from "./engine/flow-definition.ts";
import { runSegment } from "./engine/run-segment.ts";
import { type Runtime, registeredFlows, registerFlow, setRuntime } from "./engine/runtime.ts";
import { signalEvent } from "./engine/signal-event.ts";
import { startRun } from "./engine/start-run.ts";
import { startSweeper, sweepOnce } from "./engine/sweeper.ts";
import { createFlowMetrics } from "./metrics.ts";
import { createNotifier } from "./notify/notifier.ts";
import { getNotificationSettings, saveNotificationSettings } from "./notify/settings.ts";
import { listQueues, saveQueue } from "./queues.ts";
import { cancelRun } from "./runs/cancel-run.ts";
import { getRun, getRunSummary } from "./runs/get-run.ts";
import { listRuns } from "./runs/list-runs.ts";
import { retryRun } from "./runs/retry-run.ts";
import { commentOnTask } from "./tasks/comment-task.ts";
import { decideTask } from "./tasks/decide-task.ts";
import type { Decider, Directory } from "./tasks/eligibility.ts";
import { getTask } from "./tasks/get-task.ts";
import { listTasks } from "./tasks/list-tasks.ts";
import { reassignTask } from "./tasks/reassign-task.ts";

export type WorkflowsDeps = {
  db: Database;
  logger: Logger;
  mailer: Mailer;
  directory: Directory;
  metricsRegistry: Registry;
  /** The tenant's product and sender names for its emails. */
  brand: (tenantId: string) => Promise<{ productName: string; fromName: string }>;
  /** Where people open the console, for links in announcements; read when one is made. */
  consoleUrl?: () => string | null;
  /** Tests move time; everything with a deadline reads it from here. */
  clock?: () => Date;
  sweepIntervalMs?: number;
};

/** Who is acting on tasks: the person, and whether they hold tasks:admin. */
export type TaskActor = { tenantId: string; decider: Decider | null; taskAdmin: boolean; requestId?: string | undefined };

const needPerson = (actor: TaskActor): Decider => {
  if (!actor.decider) throw new AppError("forbidden", "Tasks are decided by people signed in to the console, not by API keys");
  return actor.decider;
};

/** Runs of flows, the tasks people decide, and the timers and notifications around them. */
export function createWorkflows(deps: WorkflowsDeps) {
  const clock = deps.clock ?? (() => new Date());
  const metrics = createFlowMetrics(deps.metricsRegistry, deps.db, clock);
  const notifier = createNotifier({
    db: deps.db,
    mailer: deps.mailer,
    directory: deps.directory,
    logger: deps.logger,
    consoleUrl: deps.consoleUrl ?? (() => null),
    brand: deps.brand,
  });
  let runtime: Runtime = { db: deps.db, logger: deps.logger, clock, metrics, notifier, flowDeps: undefined };
  let sweeper: { stop(): Promise<void> } | undefined;
  const taskDeps = { db: deps.db, clock, directory: deps.directory, notifier };

  const latestFlow = (name: string): AnyFlow => {
    const versions = registeredFlows().filter((flow) => flow.name === name);
    const latest = versions.sort((a, b) => b.version - a.version)[0];
    if (!latest) throw new AppError("not_found", `There is no flow ${name}`);
    return latest;
  };
  const dispatch = async (tenantId: string, runId: string | null) => {
    if (runId) await dispatchRun(runtime, tenantId, runId);
  };

  return {
    /** Registers flows, with what their stages get as `run.deps`; before the workflow engine launches. */
    register(flows: AnyFlow[], flowDeps: unknown) {
      runtime = { ...runtime, flowDeps };
      for (const flow of flows) registerFlow(flow, runSegment);
      setRuntime(runtime);
    },
    /** The latest version of every flow, with its input as JSON Schema. */
    flows(): FlowInfo[] {
      const latest = new Map<string, AnyFlow>();
      for (const flow of registeredFlows()) if ((latest.get(flow.name)?.version ?? 0) < flow.version) latest.set(flow.name, flow);
      return [...latest.values()]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((flow) => ({
          name: flow.name,
          version: flow.version,
          title: flow.title,
          description: flow.description,
          input_schema: z.toJSONSchema(flow.input, { unrepresentable: "any" }) as Record<string, unknown>,
        }));
    },
    /** Starts the sweeper (timers, escalations, notifications, stragglers); after the engine launched. */
    async start() {
      setRuntime(runtime);
      await sweepOnce(runtime).catch((error) => deps.logger.error({ err: error }, "first workflow sweep failed"));
      sweeper = startSweeper(runtime, deps.sweepIntervalMs ?? 1000);
    },
    async stop() {
      await sweeper?.stop();
      sweeper = undefined;
    },
    /** One sweeper pass, now: for tests that move the clock. */
    sweep: () => sweepOnce(runtime),
    async startRun(ctx: WriteContext, input: StartRunInput) {
      const flow = latestFlow(input.flow);
      const {
        runId,
        input: recordedInput,
        started,
        finished,
      } = await startRun(runtime, ctx, flow, input.input, {
        idempotencyKey: input.idempotency_key,
      });
      // A first stage that finished the run in time answers with the run as it left it; otherwise it is read.
      const ended = input.wait_seconds ? await stagesEnded(started, input.wait_seconds * 1000) : false;
      const run = ended ? finished() : undefined;
      if (run) return { ...run, input: recordedInput };
      return getRunSummary(deps.db, ctx.tenantId, runId);
    },
    /** Resumes the runs waiting for `key`; returns their ids. */
    async signalEvent(ctx: WriteContext, key: string, payload: unknown) {
      const runs = await signalEvent({ db: deps.db, clock }, ctx.tenantId, key, payload, ctx.actor);
      for (const runId of runs) await dispatch(ctx.tenantId, runId);
      return runs;
    },
    runs: {
      list: (tenantId: string, query: RunQuery) => listRuns(deps.db, tenantId, query),
      get: (tenantId: string, runId: string) => getRun(deps.db, tenantId, runId, { steps: true }),
      cancel: (ctx: WriteContext, runId: string, reason: string) => cancelRun({ db: deps.db, clock }, ctx, runId, reason),
      async retry(ctx: WriteContext, runId: string, reason: string) {
        await retryRun({ db: deps.db, clock }, ctx, runId, reason);
        await dispatch(ctx.tenantId, runId);
      },
    },
    tasks: {
      list: (actor: TaskActor, query: TaskQuery) => listTasks(taskDeps, actor, query),
      get: (tenantId: string, taskId: string) => getTask(deps.db, tenantId, taskId),
      async decide(actor: TaskActor, taskId: string, input: DecideTaskInput) {
        const result = await decideTask(taskDeps, { ...actor, decider: needPerson(actor) }, taskId, input);
        await dispatch(actor.tenantId, result.runToDispatch);
        return result.task;
      },
      /** Each task decided on its own: one refused does not stop the others. */
      async decideMany(actor: TaskActor, input: BulkDecideInput): Promise<BulkDecideResult> {
        const decider = needPerson(actor);
        const results: BulkDecideResult["results"] = [];
        for (const taskId of input.task_ids) {
          try {
            const result = await decideTask(taskDeps, { ...actor, decider }, taskId, {
              option: input.option,
              comment: input.comment,
            });
            await dispatch(actor.tenantId, result.runToDispatch);
            results.push({ task_id: taskId, ok: true, status: result.task.status, error: null });
          } catch (error) {
            results.push({
              task_id: taskId,
              ok: false,
              status: null,
              error: error instanceof Error ? error.message : String(error),
            });
          }
        }
        return { results };
      },
      reassign: (actor: TaskActor, taskId: string, input: ReassignTaskInput) =>
        reassignTask(taskDeps, { ...actor, decider: needPerson(actor) }, taskId, input),
      comment: (tenantId: string, actor: { type: string; id: string; label: string | null }, taskId: string, comment: string) =>
        commentOnTask({ db: deps.db, clock }, { tenantId, actor }, taskId, comment),
    },
    delegations: {
      create: (ctx: WriteContext & { userId: string | null; taskAdmin: boolean }, input: CreateDelegationInput) =>
        createDelegation({ db: deps.db, directory: deps.directory }, ctx, input),
      list: (tenantId: string, filter: { userId?: string | undefined }) => listDelegations(deps.db, tenantId, filter),
      revoke: (ctx: WriteContext & { userId: string | null; taskAdmin: boolean }, id: string) =>
        revokeDelegation(deps.db, ctx, id),
    },
    queues: {
      list: (tenantId: string) => listQueues(deps.db, tenantId),
      save: (ctx: WriteContext, input: WorkQueueInput) => saveQueue(deps.db, ctx, input),
    },
    notifications: {
      get: (tenantId: string) => getNotificationSettings(deps.db, tenantId),
      save: (ctx: WriteContext, input: NotificationSettingsInput) => saveNotificationSettings(deps.db, ctx, input),
    },
  };
}

export type Workflows = ReturnType<typeof createWorkflows>;
