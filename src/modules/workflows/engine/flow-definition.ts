import type { z } from "zod";
import type { RecordLink } from "../contract/index.ts";
import type { NewTask } from "../tasks/new-task.ts";
import type { RunContext } from "./run-context.ts";

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
      then: string;
      /** With `onExpire`: how long the run waits at most, escalations included, before `onExpire` runs. */
      expireAfterSeconds?: number;
      onExpire?: string;
    }
  | { type: "wait_event"; key: string; then: string; timeoutSeconds: number; onTimeout: string }
  | { type: "sleep"; seconds: number; then: string; payload?: unknown };

// Stages take the runtime's context; its deps are the flow's own (records, actions, …).
export type Stage<Input, Deps> = (run: RunContext<Input, Deps>, resumed: unknown) => Promise<StageOutcome>;

export type Compensator<Input, Deps> = (run: RunContext<Input, Deps>, data: unknown) => Promise<void>;

/**
 * A flow template, as code: its input, its stages (`start` first), and how to undo what its steps
 * did. The version is part of its durable name: a run always continues on the version it started
 * with, so a changed flow ships as a new version beside the old one.
 */
export type FlowDefinition<Input = unknown, Deps = unknown> = {
  name: string;
  version: number;
  title: string;
  description: string;
  input: z.ZodType<Input>;
  /** How one run reads in lists: "PO 4711 from Baxter Fabrication". */
  runTitle(input: Input): string;
  /** The records the run concerns, so it can be found from them. */
  links(input: Input): RecordLink[];
  stages: { start: Stage<Input, Deps> } & Record<string, Stage<Input, Deps>>;
  compensators?: Record<string, Compensator<Input, Deps>>;
};

// biome-ignore lint/suspicious/noExplicitAny: a registry holds flows of every input and deps type
export type AnyFlow = FlowDefinition<any, any>;

export const flowKey = (name: string, version: number) => `flow.${name}.v${version}`;
