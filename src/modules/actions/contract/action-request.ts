import { z } from "zod";
import { ActionKind } from "./action-kinds.ts";

/** What policy decides on. Each fact is optional; a missing one never counts in the request's favour. */
export const ActionFacts = z
  .object({
    /** The money at stake, in minor units (cents) of `currency`. */
    amount_minor: z.number().int().min(0).optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, "an ISO 4217 code such as USD")
      .optional(),
    /** How sure the machine is of what it proposes, 0 to 1; compared in whole percent. */
    confidence: z.number().min(0).max(1).optional(),
    customer_tier: z.string().min(1).max(60).optional(),
    item_class: z.string().min(1).max(60).optional(),
    customer_external_id: z.string().min(1).max(200).optional(),
    supplier_external_id: z.string().min(1).max(200).optional(),
  })
  .strict();
export type ActionFacts = z.infer<typeof ActionFacts>;

/** What caused a write: a workflow run, a document, a case… The action row is the lineage link. */
export const ActionCause = z
  .object({
    type: z.string().min(1).max(60),
    id: z.string().min(1).max(200),
  })
  .strict();
export type ActionCause = z.infer<typeof ActionCause>;

/** A tenant's connector name: lower-case letters, digits, `-` and `_`. */
export const ConnectorName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, "lower-case letters, digits, - and _, at most 63 characters");

/** Printable ASCII, as HTTP's Idempotency-Key header carries it. */
export const IdempotencyKey = z.string().regex(/^[\x21-\x7e]{1,255}$/, "1–255 printable ASCII characters, no spaces");

/** One write to a system of record, as a flow, an agent or an integration asks for it. */
export const ActionRequest = z
  .object({
    kind: ActionKind,
    /** Stable per logical write: a retry of the same write reuses it, and nothing is written twice. */
    idempotency_key: IdempotencyKey,
    /** The tenant's connector that carries it, e.g. "erp", "edi", "email". */
    connector: ConnectorName,
    /** What to write. */
    payload: z.record(z.string(), z.unknown()),
    facts: ActionFacts.default({}),
    cause: ActionCause,
    run_id: z.string().min(1).max(200).optional(),
    /** One line a person reads: "Order PO-4471 for Acme, 12 lines, $8,420.00". */
    summary: z.string().max(300).optional(),
  })
  .strict();
export type ActionRequest = z.infer<typeof ActionRequest>;
/** As callers write it: `facts` may be left out. */
export type ActionRequestInput = z.input<typeof ActionRequest>;
