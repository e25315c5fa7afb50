import { z } from "zod";

/** Who asked for what a flow does: they may not approve it themselves. */
export const Requester = z.object({
  type: z.enum(["user", "api_key", "system", "operator"]),
  id: z.string().min(1),
  label: z.string().nullable().default(null),
});
export type Requester = z.infer<typeof Requester>;

/** A decimal amount as a string ("12.50") or a number; kept exact from here on. */
export const Decimal = z
  .union([z.string().regex(/^-?\d+(\.\d+)?$/, "a decimal number such as 12.50"), z.number()])
  .transform(String);

export const SourceSystem = z.string().min(1).max(64).default("erp");
