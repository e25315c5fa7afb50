import { type PolicyDecision, ROLE_SENIORITY } from "../../modules/actions/index.ts";
import type { EscalationRung, NewTask } from "../../modules/workflows/index.ts";

/** How long each rung of an approval's ladder waits before the task moves up. */
export const RUNG_SECONDS = 24 * 3600;

/** The roles that stand above `role` in approving, nearest first (operations_manager, admin, partner_admin). */
export function rolesAbove(role: string): string[] {
  const above: string[] = [];
  let frontier = [role];
  while (frontier.length > 0) {
    const next = Object.entries(ROLE_SENIORITY)
      .filter(([senior, juniors]) => juniors.some((junior) => frontier.includes(junior)) && !above.includes(senior))
      .map(([senior]) => senior);
    above.push(...next);
    frontier = next;
  }
  return above;
}

/** Unanswered for a day, a task goes to the next role up, and a day later to the one above that. */
export function escalationAbove(role: string): EscalationRung[] {
  return rolesAbove(role)
    .filter((senior) => senior !== "partner_admin")
    .map((senior) => ({ afterSeconds: RUNG_SECONDS, to: { type: "role" as const, id: senior } }));
}

/**
 * The task policy asked for: assigned to the approver role it named, decidable by that role and
 * those above it, escalating up the ladder, and showing the person which policies asked and why.
 */
export function approvalTask(decision: PolicyDecision, task: Omit<NewTask, "assignee" | "allowedRoles" | "escalation">): NewTask {
  const role = decision.approver_role ?? "operations_manager";
  return {
    ...task,
    assignee: { type: "role", id: role },
    allowedRoles: [role, ...rolesAbove(role)],
    escalation: escalationAbove(role),
    context: {
      ...task.context,
      policy: { policies: decision.policies, approver_role: decision.approver_role, reasons: decision.reasons },
    },
  };
}
