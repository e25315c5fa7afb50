import { DBOS } from "@dbos-inc/dbos-sdk";
import type { Run } from "../contract/index.ts";
import { type AnyFlow, flowKey } from "./flow-definition.ts";
import type { Runtime } from "./runtime-type.ts";

export type { Runtime };

export type SegmentArgs = {
  tenantId: string;
  runId: string;
  flowKey: string;
  stage: string;
  resumed: unknown;
  segment: number;
};

/**
 * What a segment answers when it ends: the run as its outcome left it (without its input, which the
 * starter has), or null when another read is needed (a replay, a failure, a wait).
 */
export type SegmentResult = Omit<Run, "input"> | null;

type SegmentWorkflow = (args: SegmentArgs) => Promise<SegmentResult>;

const flows = new Map<string, AnyFlow>();
const workflows = new Map<string, SegmentWorkflow>();
let current: Runtime | undefined;

/**
 * Registers a flow version as a durable workflow named `flow.<name>.v<version>` (once per
 * process; DBOS refuses registrations after launch). A later registration of the same version
 * replaces the definition the workflow runs, not the workflow: tests build several Crossdocks in
 * one process, each with its own dependencies.
 */
export function registerFlow(flow: AnyFlow, run: SegmentWorkflow): void {
  const key = flowKey(flow.name, flow.version);
  flows.set(key, flow);
  if (!workflows.has(key)) {
    // Runs wait outside of DBOS, so a segment only ever recovers from crashes: 50 of them is a
    // loop, not bad luck.
    // A function of its own per flow: DBOS keys a registration by the function object.
    workflows.set(
      key,
      DBOS.registerWorkflow((args: SegmentArgs) => run(args), { name: key, maxRecoveryAttempts: 50 }),
    );
  }
}

export function flowDefinition(key: string): AnyFlow | undefined {
  return flows.get(key);
}

export function registeredFlows(): AnyFlow[] {
  return [...flows.values()];
}

export function segmentWorkflow(key: string): SegmentWorkflow | undefined {
  return workflows.get(key);
}

export function setRuntime(runtime: Runtime | undefined): void {
  current = runtime;
}

export function runtime(): Runtime {
  if (!current) throw new Error("the workflows runtime is not set: createWorkflows(...).register() comes before launch");
  return current;
}

/**
 * Inputs of runs this process has just recorded, handed to their first stage so it need not read
 * back what was just written. The stage takes its input as it begins; one that is recovered after a
 * crash, or started by the sweeper, finds nothing here and reads the run.
 */
const handedOff = new Map<string, Record<string, unknown>>();

export function handOffInput(runId: string, input: Record<string, unknown>): void {
  handedOff.set(runId, input);
}

export function takeHandedOffInput(runId: string): Record<string, unknown> | undefined {
  const input = handedOff.get(runId);
  handedOff.delete(runId);
  return input;
}
