export * from "./contract/index.ts";
export { PermanentError, RetryableError } from "./engine/errors.ts";
export type { AnyFlow, FlowDefinition, StageOutcome } from "./engine/flow-definition.ts";
export type { RunContext, StepOptions } from "./engine/run-context.ts";
export type { Decider, Directory } from "./tasks/eligibility.ts";
export type { EscalationRung, NewTask } from "./tasks/new-task.ts";
export { APPROVE_REJECT } from "./tasks/new-task.ts";
export { createWorkflows, type TaskActor, type Workflows, type WorkflowsDeps } from "./workflows.ts";

export const workflowsMigrations = { module: "workflows", directory: new URL("./migrations/", import.meta.url) };
