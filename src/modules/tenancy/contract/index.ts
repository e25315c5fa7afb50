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

export const CreateUserInput = z.strictObject({
  email: z.string().email().max(320),
  name: z.string().min(1).max(200),
  password: z.string().min(12, "at least 12 characters").max(256),
  roles: z.array(z.string()).min(1),
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const User = z.object({
  id: z.string(),
  tenant_id: z.string(),
  email: z.string(),
  name: z.string(),
  roles: z.array(z.string()),
  status: z.enum(["active", "disabled"]),
  created_at: z.string(),
  last_sign_in_at: z.string().nullable(),
});
export type User = z.infer<typeof User>;

export const CreateApiKeyInput = z.strictObject({
  name: z.string().min(1).max(200),
  scopes: z.array(z.string()).min(1),
  expires_at: z.string().datetime({ offset: true }).optional(),
});
export type CreateApiKeyInput = z.infer<typeof CreateApiKeyInput>;

export const ApiKey = z.object({
  id: z.string(),
  tenant_id: z.string(),
  name: z.string(),
  scopes: z.array(z.string()),
  created_by: z.string(),
  created_at: z.string(),
  expires_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
  last_used_at: z.string().nullable(),
});
export type ApiKey = z.infer<typeof ApiKey>;

/** The one response that carries a key's secret; it is never shown again. */
export const CreatedApiKey = ApiKey.extend({ secret: z.string() });
export type CreatedApiKey = z.infer<typeof CreatedApiKey>;

export const SignInInput = z.strictObject({
  tenant: z.string().min(1).describe("tenant slug or id"),
  email: z.string().email(),
  password: z.string().min(1),
});
export type SignInInput = z.infer<typeof SignInInput>;
