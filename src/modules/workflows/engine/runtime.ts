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

/** A run as a stage that finished it left it, without its input (which the starter has). */
export type FinishedRun = Omit<Run, "input">;

/**
 * A segment's durable workflow answers nothing: DBOS would serialise and store whatever it answered.
 * A first stage started by `startRun` hands the finished run back through its HandOff instead.
 */
type SegmentWorkflow = (args: SegmentArgs) => Promise<void>;

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
 * What a start hands the first stage of the run it records: the input, so the stage need not read
 * back what was just written, and whether the recording committed (on a server the stage starts
 * while the run is still being recorded, and waits for it before its first step). A stage recovered
 * after a crash, or started by the sweeper, finds nothing here and reads the run. A stage that
 * finishes the run leaves the run as it now stands in `finished`, for the start that waits for it.
 */
export type HandOff = { input: Record<string, unknown>; recorded: Promise<boolean>; finished?: FinishedRun };

const handedOff = new Map<string, HandOff>();

export function handOff(runId: string, handOff: HandOff): void {
  handedOff.set(runId, handOff);
}

export function takeHandOff(runId: string): HandOff | undefined {
  const handed = handedOff.get(runId);
  handedOff.delete(runId);
  return handed;
}
