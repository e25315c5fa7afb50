import { z } from "zod";

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date written YYYY-MM-DD");
const decimal = z.union([z.number().finite().min(0), z.string().regex(/^\d+(\.\d+)?$/, "a decimal number such as 12.50")]);
const quantity = z.number().finite().min(0);
const text = (max: number) => z.string().min(1).max(max);

/** One line of an 855: what the seller does with the buyer's line. */
export const Edi855Line = z
  .object({
    line_number: z.union([z.string().min(1).max(20), z.number().int().min(0)]),
    quantity,
    uom: text(2),
    unit_price: decimal.optional(),
    buyer_part_number: text(48).optional(),
    vendor_part_number: text(48).optional(),
    /** accepted as ordered, changed (quantity, price or date), or rejected. */
    status: z.enum(["accepted", "changed", "rejected"]),
    /** The quantity the seller will ship, when it differs. */
    ack_quantity: quantity.optional(),
    ack_unit_price: decimal.optional(),
    /** When the seller will ship this line. */
    ship_date: date.optional(),
  })
  .strict();
export type Edi855Line = z.infer<typeof Edi855Line>;

/** An 855 purchase order acknowledgment, answering a customer's 850. */
export const Edi855Document = z
  .object({
    transaction: z.literal("855"),
    purchase_order_number: text(22),
    purchase_order_date: date,
    /** The seller's order number for it, e.g. the ERP's sales order. */
    seller_order_number: text(22).optional(),
    /** When acknowledged; today when left out. */
    acknowledgment_date: date.optional(),
    lines: z.array(Edi855Line).min(1).max(10_000),
  })
  .strict();
export type Edi855Document = z.infer<typeof Edi855Document>;

export const Edi850Line = z
  .object({
    line_number: z.union([z.string().min(1).max(20), z.number().int().min(0)]),
    quantity,
    uom: text(2),
    unit_price: decimal,
    vendor_part_number: text(48).optional(),
    buyer_part_number: text(48).optional(),
    description: text(80).optional(),
  })
  .strict();
export type Edi850Line = z.infer<typeof Edi850Line>;

/** An 850 purchase order to a supplier. */
export const Edi850Document = z
  .object({
    transaction: z.literal("850"),
    purchase_order_number: text(22),
    order_date: date,
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
    requested_delivery_date: date.optional(),
    ship_to: z
      .object({
        name: text(60),
        code: text(20).optional(),
        address_line1: text(55).optional(),
        city: text(30).optional(),
        region: text(2).optional(),
        postal_code: text(15).optional(),
        country: text(3).optional(),
      })
      .strict()
      .optional(),
    lines: z.array(Edi850Line).min(1).max(10_000),
  })
  .strict();
export type Edi850Document = z.infer<typeof Edi850Document>;

/** What an EDI connector sends: edi.send carries either; purchase_order.create an 850. */
export const EdiDocument = z.discriminatedUnion("transaction", [Edi855Document, Edi850Document]);
export type EdiDocument = z.infer<typeof EdiDocument>;

/** What an email connector sends. */
export const EmailPayload = z
  .object({
    to: z.union([z.string().email().max(320), z.array(z.string().email().max(320)).min(1).max(50)]),
    subject: z.string().min(1).max(500),
    text: z.string().min(1).max(200_000),
    html: z.string().max(500_000).optional(),
    /** The sender's display name; the connector's from_name, else "Crossdock", when left out. */
    from_name: z.string().min(1).max(100).optional(),
  })
  .strict();
export type EmailPayload = z.infer<typeof EmailPayload>;
