import { z } from "zod";

export const PolicyEffect = z.enum(["allow", "approval_required", "deny"]);
export type PolicyEffect = z.infer<typeof PolicyEffect>;

/** Where the policy set that decided came from: the tenant's own, its partner's, or Crossdock's default. */
export const PolicySource = z.enum(["tenant", "partner", "default"]);
export type PolicySource = z.infer<typeof PolicySource>;

/** What policy said about one request. */
export const PolicyDecision = z.object({
  effect: PolicyEffect,
  /** Which role must approve, when approval is required. */
  approver_role: z.string().nullable(),
  /** The @id of every policy that decided. */
  policies: z.array(z.string()),
  /** Why, in words a person reads. */
  reasons: z.array(z.string()),
  /** The version of the policy set that decided (0 for Crossdock's default). */
  policy_version: z.number().int().min(0),
  source: PolicySource,
});
export type PolicyDecision = z.infer<typeof PolicyDecision>;

/** Whether one person may approve one request. */
export const ApprovalCheck = z.object({
  allowed: z.boolean(),
  /** The role policy asks for at this amount (null when no tier covers it). */
  approver_role: z.string().nullable(),
  policies: z.array(z.string()),
  reasons: z.array(z.string()),
  policy_version: z.number().int().min(0),
  source: PolicySource,
});
export type ApprovalCheck = z.infer<typeof ApprovalCheck>;
