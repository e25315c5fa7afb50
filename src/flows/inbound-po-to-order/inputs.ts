import { z } from "zod";
import { Decimal, Requester, SourceSystem } from "../shared/flow-inputs.ts";

export const PoLine = z.object({
  line_number: z.number().int().nonnegative(),
  /** Either the distributor's item, or the customer's part number (resolved through cross-references). */
  item_external_id: z.string().min(1).optional(),
  customer_part_number: z.string().min(1).optional(),
  description: z.string().max(500).optional(),
  quantity: Decimal,
  uom: z.string().min(1).max(16),
  /** The price the customer put on the PO, if any; checked against what they should pay. */
  unit_price: Decimal.optional(),
});
export type PoLine = z.infer<typeof PoLine>;

/** A customer's purchase order, as read from a document or an EDI 850, or sent by an integration. */
export const InboundPo = z.object({
  source: z.object({
    type: z.enum(["document", "edi_850", "api", "email"]),
    ref: z.string().nullable().default(null),
  }),
  source_system: SourceSystem,
  customer_external_id: z.string().min(1),
  customer_po_number: z.string().min(1).max(100),
  ship_to_external_id: z.string().optional(),
  order_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD"),
  requested_date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD")
    .optional(),
  lines: z.array(PoLine).min(1).max(500),
  /** How sure the reading of the document was, 0 to 1 (1 for EDI and API). */
  confidence: z.number().min(0).max(1).default(1),
  /** How the customer hears back: an EDI 855, an email, or not at all. */
  acknowledge: z.object({ via: z.enum(["edi", "email", "none"]), email: z.string().email().optional() }).default({ via: "none" }),
  requested_by: Requester.default({ type: "system", id: "intake", label: "order intake" }),
});
export type InboundPo = z.infer<typeof InboundPo>;
