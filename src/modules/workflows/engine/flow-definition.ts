import type { z } from "zod";
import type { RecordLink } from "../contract/index.ts";
import type { RunContext } from "./run-context.ts";
import type { StageOutcome } from "./stage-outcome.ts";

export type { StageOutcome };

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
