import { z } from "zod";

const slug = z
  .string()
  .min(2)
  .max(63)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, "lowercase letters, digits and dashes, not starting or ending with a dash");

export const CreatePartnerInput = z.strictObject({ name: z.string().min(1).max(200), slug });
export type CreatePartnerInput = z.infer<typeof CreatePartnerInput>;

export const Partner = z.object({ id: z.string(), name: z.string(), slug: z.string(), created_at: z.string() });
export type Partner = z.infer<typeof Partner>;

export const CreateTenantInput = z.strictObject({
  name: z.string().min(1).max(200),
  slug,
  partner_id: z.string().optional(),
});
export type CreateTenantInput = z.infer<typeof CreateTenantInput>;

export const Tenant = z.object({
  id: z.string(),
  partner_id: z.string().nullable(),
  name: z.string(),
  slug: z.string(),
  status: z.enum(["active", "suspended"]),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Tenant = z.infer<typeof Tenant>;
