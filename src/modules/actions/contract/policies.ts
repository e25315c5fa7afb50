import { z } from "zod";
import { ActionKind } from "./action-kinds.ts";
import { ActionFacts, ConnectorName } from "./action-request.ts";
import { ApproverRole } from "./approver-roles.ts";
import { ApprovalCheck, PolicyDecision, PolicySource } from "./policy-decision.ts";

/** Up to `max_minor` (null: any amount), `role` approves. */
export const ApproverTier = z
  .object({
    max_minor: z.number().int().min(0).nullable(),
    role: ApproverRole,
  })
  .strict();
export type ApproverTier = z.infer<typeof ApproverTier>;

/** A tenant's thresholds for one kind of write. */
export const KindPolicy = z
  .object({
    /** The largest amount (minor units) done without a person; null: never without a person. */
    auto_approve_max_minor: z.number().int().min(0).nullable(),
    /** The lowest confidence (0 to 1) at which automation acts without a person. */
    min_confidence: z.number().min(0).max(1),
    /** Who approves, by amount: the first tier whose `max_minor` covers the amount names the role. */
    approver_tiers: z
      .array(ApproverTier)
      .min(1)
      .max(10)
      .superRefine((tiers, ctx) => {
        tiers.forEach((tier, index) => {
          const previous = tiers[index - 1];
          if (previous && previous.max_minor === null) {
            ctx.addIssue({ code: "custom", path: [index], message: "a tier after one without a maximum is never reached" });
          } else if (previous && tier.max_minor !== null && previous.max_minor !== null && tier.max_minor <= previous.max_minor) {
            ctx.addIssue({ code: "custom", path: [index, "max_minor"], message: "tiers must go up in amount" });
          }
        });
      }),
    /** Customer tiers for which this kind of write is never made. */
    deny_customer_tiers: z.array(z.string().min(1).max(60)).max(100).default([]),
    /** Item classes (e.g. hazmat) for which this kind of write always needs a person. */
    approval_item_classes: z.array(z.string().min(1).max(60)).max(100).default([]),
  })
  .strict();
export type KindPolicy = z.infer<typeof KindPolicy>;

/** The numbers the policies decide with: a default, and per kind of write where it differs. */
export const PolicyData = z
  .object({
    default: KindPolicy,
    kinds: z.partialRecord(ActionKind, KindPolicy).default({}),
  })
  .strict();
export type PolicyData = z.infer<typeof PolicyData>;
export type PolicyDataInput = z.input<typeof PolicyData>;

const Author = z.object({ type: z.string(), id: z.string(), label: z.string().nullable() });

/** A policy set: Cedar policy text and the data it decides with. */
export const PolicySet = z.object({
  /** 0 for Crossdock's default; otherwise the tenant's (or partner's) version number. */
  version: z.number().int().min(0),
  /** Cedar policies; every policy carries an @id. */
  text: z.string(),
  data: PolicyData,
  source: PolicySource,
  updated_at: z.string().nullable(),
  updated_by: Author.nullable(),
});
export type PolicySet = z.infer<typeof PolicySet>;

/**
 * What a saved version is: the tenant's own policies, the partner's defaults, or the tenant going back
 * to inheriting (its partner's defaults, else Crossdock's) — a version with no text or data.
 */
export const PolicyVersionSource = z.enum(["tenant", "partner", "inherited"]);
export type PolicyVersionSource = z.infer<typeof PolicyVersionSource>;

export const PolicyVersionSummary = z.object({
  version: z.number().int(),
  source: PolicyVersionSource,
  created_at: z.string(),
  created_by: Author,
  /** What changed from the set in force before: "3 policies changed; sales_order.create limit 5000.00 → 7500.00". */
  summary: z.string(),
});
export type PolicyVersionSummary = z.infer<typeof PolicyVersionSummary>;

export const POLICY_TEXT_MAX = 200_000;

/** A save: the text, the data, or both; what is left out stays as in force now. */
export const SavePolicyInput = z
  .object({
    text: z.string().min(1).max(POLICY_TEXT_MAX).optional(),
    data: z.unknown().optional(),
  })
  .strict()
  .refine((input) => input.text !== undefined || input.data !== undefined, { message: "give text, data or both" });
export type SavePolicyInput = z.infer<typeof SavePolicyInput>;

/** Going back to the partner's (or Crossdock's) defaults: why, for the audit trail. */
export const InheritPoliciesInput = z.strictObject({ reason: z.string().trim().min(3).max(2000) });
export type InheritPoliciesInput = z.infer<typeof InheritPoliciesInput>;

/** One problem in policy text or data, located so an editor can point at it. */
export const PolicyIssue = z.object({
  /** "text", or the dotted path in the data: "data.kinds.sales_order.create.min_confidence". */
  path: z.string(),
  message: z.string(),
  /** 1-based, in the text; null for data. */
  line: z.number().int().nullable(),
  column: z.number().int().nullable(),
  help: z.string().nullable(),
  /** The @id of the policy at fault, when known. */
  policy_id: z.string().nullable(),
});
export type PolicyIssue = z.infer<typeof PolicyIssue>;

export const PolicyValidation = z.object({ ok: z.boolean(), errors: z.array(PolicyIssue) });
export type PolicyValidation = z.infer<typeof PolicyValidation>;

/** Who asks, in a test: a person with roles, or automation. */
export const TestPrincipal = z.discriminatedUnion("type", [
  z.object({ type: z.literal("user"), id: z.string().min(1).max(200), roles: z.array(z.string().max(60)).max(20) }).strict(),
  z.object({ type: z.literal("agent"), id: z.string().min(1).max(200) }).strict(),
]);
export type TestPrincipal = z.infer<typeof TestPrincipal>;

/** "Would user U be allowed action A?": a request, and optionally unsaved text or data to try. */
export const PolicyTestInput = z
  .object({
    request: z
      .object({
        kind: ActionKind,
        facts: ActionFacts.default({}),
        connector: ConnectorName.default("test"),
      })
      .strict(),
    /** Who asks; the caller when left out. */
    principal: TestPrincipal.optional(),
    /** Also ask whether this person may approve it. */
    approver: z
      .object({ id: z.string().min(1).max(200), roles: z.array(z.string().max(60)).max(20) })
      .strict()
      .optional(),
    /** Unsaved policy text to try instead of the set in force. */
    text: z.string().min(1).max(POLICY_TEXT_MAX).optional(),
    /** Unsaved data to try instead of the set in force. */
    data: z.unknown().optional(),
  })
  .strict();
export type PolicyTestInput = z.input<typeof PolicyTestInput>;

export const PolicyTestResult = z.object({
  decision: PolicyDecision,
  approval: ApprovalCheck.nullable(),
  /** Whether the answer came from the saved set in force or from the unsaved text/data given. */
  evaluated: z.enum(["saved", "unsaved"]),
});
export type PolicyTestResult = z.infer<typeof PolicyTestResult>;

/** The Cedar schema policies are written against, for the console's editor. */
export const PolicySchema = z.object({ cedar_schema: z.string() });
export type PolicySchema = z.infer<typeof PolicySchema>;
