import type { Action, ActionRequestInput, PolicyDecision } from "../../modules/actions/index.ts";
import { PermanentError, type RunContext, type TaskResumption } from "../../modules/workflows/index.ts";
import type { FlowDeps } from "../deps.ts";

type Run = RunContext<unknown, FlowDeps>;

/** A write as a flow asks for it: the flow adds the idempotency key, the cause and the run. */
export type FlowWrite = Omit<ActionRequestInput, "idempotency_key" | "cause" | "run_id">;

/** The name of the compensator every flow registers: undo a write through its connector. */
export const UNDO_ACTION = "undo-action";

/** What policy says about a write, as a durable step (the same answer after a crash). */
export function decide(run: Run, name: string, request: FlowWrite): Promise<PolicyDecision> {
  return run.step(name, () =>
    run.deps.actions.decide(run.writeContext, {
      ...request,
      idempotency_key: run.idempotencyKey(name),
      cause: { type: "workflow_run", id: run.runId },
      run_id: run.runId,
    }),
  );
}

/**
 * One governed write, as a durable step: policy decides again at the moment of writing, the
 * connector carries it with an idempotency key (a step re-run after a crash writes nothing twice),
 * and a write that can be undone registers its undo with the run. Denied, or needing an approval
 * the flow does not bring, is a permanent failure of the step.
 */
export function write(run: Run, name: string, request: FlowWrite, approval?: TaskResumption): Promise<Action> {
  return run.step(
    name,
    async () => {
      const outcome = await run.deps.actions.execute(
        run.writeContext,
        {
          ...request,
          idempotency_key: run.idempotencyKey(name),
          cause: { type: "workflow_run", id: run.runId },
          run_id: run.runId,
        },
        approval
          ? {
              approval: {
                approved_by: {
                  type: "user",
                  id: approval.approver.user_id,
                  label: approval.approver.label,
                  roles: approval.approver.roles,
                },
                task_id: approval.task_id,
                at: approval.decision.at,
              },
            }
          : {},
      );
      if (outcome.dry_run) throw new PermanentError(`${request.kind} was only tried out, not written`);
      const { action } = outcome;
      switch (action.status) {
        case "succeeded":
          return action;
        case "denied":
          throw new PermanentError(`Policy denied ${request.kind}: ${action.decision?.reasons.join("; ") ?? "no reason given"}`);
        case "awaiting_approval":
          throw new PermanentError(`${request.kind} needs an approval by ${action.decision?.approver_role ?? "a person"}`);
        default:
          throw new PermanentError(`${request.kind} ended ${action.status}: ${action.error ?? "no error given"}`);
      }
    },
    {
      // 1 s, 2 s, 4 s: a target down for longer fails the step, and the run undoes what it did.
      retries: { max: 4, intervalSeconds: 1 },
      compensate: { with: UNDO_ACTION, data: (action) => ({ action_id: action.id, undoable: action.compensation !== null }) },
    },
  );
}

/** The compensator behind UNDO_ACTION: runs the write's registered undo (a cancel, a release). */
export async function undoAction(run: RunContext<unknown, FlowDeps>, data: unknown): Promise<void> {
  const { action_id, undoable } = data as { action_id: string; undoable: boolean };
  if (!undoable) return;
  await run.deps.actions.compensate(run.writeContext, action_id, `run ${run.runId} failed`);
}
