import { z } from "zod";

/**
 * A run of a flow. `waiting`: parked at a wait (an approval, an external event, a timer) with no
 * process holding it; `parked`: stopped for a person (a compensation failed, or retries ran out
 * and nothing could be undone); `failed`: ended in an error after its compensations ran.
 */
export const RunStatus = z.enum(["running", "waiting", "succeeded", "failed", "cancelled", "parked"]);
export type RunStatus = z.infer<typeof RunStatus>;

export const RecordLink = z.object({ type: z.string(), id: z.string(), label: z.string().nullable() });
export type RecordLink = z.infer<typeof RecordLink>;

export const RunWait = z.object({
  kind: z.enum(["task", "event", "timer"]),
  task_id: z.string().nullable(),
  event_key: z.string().nullable(),
  deadline: z.string().nullable(),
});
export type RunWait = z.infer<typeof RunWait>;

export const Run = z.object({
  id: z.string(),
  tenant_id: z.string(),
  flow: z.string(),
  flow_version: z.number().int(),
  title: z.string(),
  status: RunStatus,
  stage: z.string().describe("the stage running, or that runs when the wait ends"),
  input: z.record(z.string(), z.unknown()),
  output: z.unknown().nullable(),
  error: z.string().nullable(),
  parked_reason: z.string().nullable(),
  wait: RunWait.nullable(),
  links: z.array(RecordLink),
  started_by: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  ended_at: z.string().nullable(),
});
export type Run = z.infer<typeof Run>;

/** One thing that happened in a run, for its timeline. */
export const RunEvent = z.object({
  at: z.string(),
  kind: z.enum([
    "started",
    "stage",
    "step",
    "step_failed",
    "wait",
    "resumed",
    "task",
    "compensation",
    "compensation_failed",
    "failed",
    "succeeded",
    "cancelled",
    "retried",
    "parked",
  ]),
  label: z.string(),
  detail: z.record(z.string(), z.unknown()),
  actor: z.string().nullable().describe("Who did it, as `type:id` (e.g. `user:usr_…`); null for the engine's own entries"),
  actor_label: z
    .string()
    .nullable()
    .describe("The actor's label when it acted (a user's email, an API key's name); the console names users by id"),
});
export type RunEvent = z.infer<typeof RunEvent>;

export const RunQuery = z.object({
  status: z.string().optional().describe("one status or several, comma-separated"),
  flow: z.string().optional(),
  record: z.string().optional().describe("a record id (or type:id): the runs that concern it"),
  before: z.string().optional().describe("cursor: runs created before this run id"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type RunQuery = z.infer<typeof RunQuery>;

export const StartRunInput = z.strictObject({
  flow: z.string().min(1),
  input: z.record(z.string(), z.unknown()),
  /** The same key starts the same run once: a retry returns the run already started. */
  idempotency_key: z.string().min(1).max(200).optional(),
  /**
   * Wait up to this long for the first stage to end (the run finished, failed, or waiting for a
   * person or an event) before answering: for callers that want the outcome of a short flow at once.
   */
  wait_seconds: z.number().min(0).max(30).optional(),
});
export type StartRunInput = z.infer<typeof StartRunInput>;

export const RunControlInput = z.strictObject({ reason: z.string().min(3).max(2000) });
export type RunControlInput = z.infer<typeof RunControlInput>;

/** A flow as the API lists it. */
export const FlowInfo = z.object({
  name: z.string(),
  version: z.number().int(),
  title: z.string(),
  description: z.string(),
  /** Its input, as JSON Schema. */
  input_schema: z.record(z.string(), z.unknown()),
});
export type FlowInfo = z.infer<typeof FlowInfo>;
