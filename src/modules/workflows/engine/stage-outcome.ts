import type { NewTask } from "../tasks/new-task.ts";

/**
 * What a stage ends with. A stage runs until it finishes the run, or until it must wait: for a
 * person (a task), for something outside (an event), or for time (a timer). A waiting run holds
 * no process and no memory; the next stage starts when the wait ends.
 */
export type StageOutcome =
  | { type: "finish"; output: unknown }
  | {
      type: "wait_task";
      task: NewTask;
      /** The stage that runs with the task's decision. */
      next: string;
      /** With `onExpire`: how long the run waits at most, escalations included, before `onExpire` runs. */
      expireAfterSeconds?: number;
      onExpire?: string;
    }
  | { type: "wait_event"; key: string; next: string; timeoutSeconds: number; onTimeout: string }
  | { type: "sleep"; seconds: number; next: string; payload?: unknown };
