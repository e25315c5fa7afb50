import { z } from "zod";

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
  /** Invited, and has not set a password yet: the invitation can be sent again. */
  invitation_pending: z.boolean(),
});
export type User = z.infer<typeof User>;

export const RoleInfo = z.object({ name: z.string(), label: z.string(), description: z.string(), scopes: z.array(z.string()) });
export type RoleInfo = z.infer<typeof RoleInfo>;

export const UpdateUserInput = z
  .strictObject({
    name: z.string().min(1).max(200).optional(),
    roles: z.array(z.string()).min(1).optional(),
    status: z.enum(["active", "disabled"]).optional(),
  })
  .refine((input) => Object.keys(input).length > 0, "name, roles or status");
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;
