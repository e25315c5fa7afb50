import { useQuery } from "@tanstack/react-query";
import { APPROVER_ROLES } from "../contract.ts";
import { fieldLabel } from "../records/labels.ts";
import { useCan } from "../session/me.ts";
import { rolesQuery } from "../settings/settings-queries.ts";

export type RoleChoice = { name: string; label: string };

/**
 * The roles a task or queue may be for: the tenant's roles with their labels when the caller may
 * read them (users:read), else the roles that approve writes.
 */
export function useRoleChoices(): RoleChoice[] {
  const can = useCan();
  const roles = useQuery({ ...rolesQuery, enabled: can("users:read") });
  if (roles.data) return roles.data.data.map((role) => ({ name: role.name, label: role.label }));
  return APPROVER_ROLES.map((name) => ({ name, label: fieldLabel(name) }));
}
