import { z } from "zod";

/** The roles that approve writes, junior first. */
export const APPROVER_ROLES = ["csr", "buyer", "ap_clerk", "logistics", "operations_manager", "admin"] as const;
export const ApproverRole = z.enum(APPROVER_ROLES);
export type ApproverRole = z.infer<typeof ApproverRole>;

/**
 * Who stands above whom when approving: a role may approve whatever the roles it lists may, and
 * whatever those roles' own list may (admin > operations_manager > csr, buyer, ap_clerk, logistics;
 * a partner admin counts as an admin). Automation approves nothing.
 */
export const ROLE_SENIORITY: Readonly<Record<string, readonly string[]>> = {
  operations_manager: ["csr", "buyer", "ap_clerk", "logistics"],
  admin: ["operations_manager"],
  partner_admin: ["admin"],
};

/** The role every automated principal (flows, agents, API keys) holds in policy. */
export const AUTOMATION_ROLE = "automation";
