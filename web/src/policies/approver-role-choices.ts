import { APPROVER_ROLES } from "../contract.ts";
import { type RoleChoice, useRoleChoices } from "../settings-workflows/role-choices.ts";

const approves = (name: string) => (APPROVER_ROLES as readonly string[]).includes(name);

/** The roles an approver tier may name: the tenant's roles (with their labels) that approve writes. */
export function useApproverRoleChoices(): RoleChoice[] {
  return useRoleChoices().filter((role) => approves(role.name));
}
