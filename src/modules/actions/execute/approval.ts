import { type Actor, actorRef } from "../../../platform/actor.ts";
import { AppError } from "../../../platform/errors.ts";
import type { ActionApproval, ApprovalCheck } from "../contract/index.ts";

/** An approval a caller brings to execute: who approved (with their roles), through which task, when. */
export type ApprovalInput = {
  approved_by: Actor & { roles: readonly string[] };
  task_id: string;
  at: string;
};

/** Nobody approves their own request: neither who asked first nor who asks now. */
export function refuseSelfApproval(approval: ApprovalInput, requesters: Actor[]): void {
  const approver = actorRef(approval.approved_by);
  if (requesters.some((requester) => actorRef(requester) === approver)) {
    throw new AppError("forbidden", `${approval.approved_by.label ?? approver} asked for this write and cannot also approve it`, {
      details: [
        { path: "approval.approved_by", message: "the requester cannot approve their own request", code: "self_approval" },
      ],
    });
  }
}

/** The approval as the action records it, once policy has let the approver approve. */
export function acceptedApproval(approval: ApprovalInput, check: ApprovalCheck): ActionApproval {
  const who = approval.approved_by;
  if (!check.allowed) {
    throw new AppError("forbidden", `${who.label ?? actorRef(who)} may not approve this: ${check.reasons.join("; ")}`, {
      details: [{ path: "approval.approved_by", message: check.reasons.join("; "), code: "approver_not_allowed" }],
    });
  }
  return {
    approved_by: { type: who.type, id: who.id, label: who.label ?? null, roles: [...who.roles] },
    at: approval.at,
    task_id: approval.task_id,
    policies: check.policies,
    reasons: check.reasons,
  };
}
