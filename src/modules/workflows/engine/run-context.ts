import { DBOS, Error as DBOSErrors } from "@dbos-inc/dbos-sdk";
import type { Actor, WriteContext } from "../../../platform/actor.ts";
import type { NewTask } from "../tasks/new-task.ts";
import { describeError } from "./errors.ts";
import { type RetryPolicy, withRetries } from "./retry-attempts.ts";
import type { Runtime } from "./runtime-type.ts";
import type { StageOutcome } from "./stage-outcome.ts";

/** Something a finished step did that can be undone if the run fails later. */
export type PendingCompensation = { with: string; data: unknown; step: string };

export type StepOptions<T> = {
  /** Attempts for errors that say they may pass (`retryable: true`); default 5, from 1 s doubling. */
  retries?: RetryPolicy;
  /** How to undo this step if the run fails later: a compensator of the flow, and what it needs. */
  compensate?: { with: string; data: (result: T) => unknown };
};

/**
 * What a stage works with. Steps are durable: a finished step is never run again, even if the
 * process dies right after it; a step interrupted mid-way runs again, so each effect outside
 * Crossdock carries `run.idempotencyKey(name)`.
 */
export type RunContext<Input, Deps> = {
  readonly runId: string;
  readonly tenantId: string;
  readonly flow: string;
  readonly stage: string;
  readonly segment: number;
  readonly input: Input;
  readonly deps: Deps;
  /** Kept between stages: change it in place; it is saved when the stage ends. */
  readonly state: Record<string, unknown>;
  /** Automation acts as `system:flow:<name>`. */
  readonly actor: Actor;
  readonly writeContext: WriteContext;
  /** The stage's time: durable, so a replay after a crash sees the same instant. */
  now(): Promise<Date>;
  /** Stable across a crash and replay of this stage, new for a retried stage: `<run>.<segment>:<name>`. */
  idempotencyKey(name: string): string;
  step<T>(name: string, work: () => Promise<T>, options?: StepOptions<T>): Promise<T>;
  finish(output?: unknown): StageOutcome;
  waitForTask(task: NewTask, options: { next: string; expireAfterSeconds?: number; onExpire?: string }): StageOutcome;
  waitForEvent(key: string, options: { next: string; timeoutSeconds: number; onTimeout: string }): StageOutcome;
  sleep(seconds: number, options: { next: string; payload?: unknown }): StageOutcome;
};

const COMPENSATIONS = "__compensations";

export function pendingCompensations(state: Record<string, unknown>): PendingCompensation[] {
  const list = state[COMPENSATIONS];
  return Array.isArray(list) ? (list as PendingCompensation[]) : [];
}

export function setPendingCompensations(state: Record<string, unknown>, list: PendingCompensation[]): void {
  state[COMPENSATIONS] = list;
}

export function createRunContext<Input, Deps>(args: {
  runtime: Runtime;
  runId: string;
  tenantId: string;
  flow: string;
  stage: string;
  segment: number;
  input: Input;
  state: Record<string, unknown>;
}): RunContext<Input, Deps> {
  const { runtime } = args;
  const actor: Actor = { type: "system", id: `flow:${args.flow}`, label: `flow ${args.flow}` };
  return {
    runId: args.runId,
    tenantId: args.tenantId,
    flow: args.flow,
    stage: args.stage,
    segment: args.segment,
    input: args.input,
    deps: runtime.flowDeps as Deps,
    state: args.state,
    actor,
    writeContext: { tenantId: args.tenantId, actor, requestId: args.runId },
    now: async () => new Date(await DBOS.runStep(async () => runtime.clock().toISOString(), { name: "now" })),
    idempotencyKey: (name) => `${args.runId}.${args.segment}:${name}`,
    async step(name, work, options = {}) {
      const retries = options.retries ?? { max: 5 };
      const started = performance.now();
      try {
        const result = await DBOS.runStep(
          () =>
            withRetries(name, work, retries, {
              onRetry: (attempt, error, waitSeconds) =>
                runtime.logger.warn(
                  { runId: args.runId, step: name, attempt, of: retries.max, waitSeconds, err: describeError(error) },
                  "a step failed and will be tried again",
                ),
            }),
          { name },
        );
        runtime.metrics.stepFinished(args.flow, name, "ok", performance.now() - started);
        if (options.compensate) {
          const list = pendingCompensations(args.state);
          list.push({ with: options.compensate.with, data: options.compensate.data(result), step: name });
          setPendingCompensations(args.state, list);
        }
        return result;
      } catch (error) {
        // A cancelled run ends here: nothing failed, and nothing is compensated.
        if (error instanceof DBOSErrors.DBOSWorkflowCancelledError) throw error;
        runtime.metrics.stepFinished(args.flow, name, "failed", performance.now() - started);
        throw new StepFailedError(name, describeError(error), error);
      }
    },
    finish: (output) => ({ type: "finish", output: output ?? null }),
    waitForTask: (task, options) => ({ type: "wait_task", task, ...options }),
    waitForEvent: (key, options) => ({ type: "wait_event", key, ...options }),
    sleep: (seconds, options) => ({ type: "sleep", seconds, ...options }),
  };
}

/** A step that failed for good; the run fails (after compensating) with its step named. */
export class StepFailedError extends Error {
  readonly step: string;
  constructor(step: string, message: string, cause: unknown) {
    super(`Step ${step} failed: ${message}`, { cause });
    this.name = "StepFailedError";
    this.step = step;
  }
}
