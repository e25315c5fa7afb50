import { z } from "zod";

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
