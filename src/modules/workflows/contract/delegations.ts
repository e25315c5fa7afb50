import { z } from "zod";

/** While a user is away, a colleague decides what they could decide; each decision says on whose behalf. */
export const Delegation = z.object({
  id: z.string(),
  user_id: z.string(),
  delegate_user_id: z.string(),
  starts_at: z.string(),
  ends_at: z.string(),
  created_by: z.string(),
  created_at: z.string(),
  revoked_at: z.string().nullable(),
});
export type Delegation = z.infer<typeof Delegation>;

export const CreateDelegationInput = z
  .strictObject({
    /** Whose tasks are delegated; default the caller (someone else's needs tasks:admin). */
    user_id: z.string().optional(),
    delegate_user_id: z.string(),
    starts_at: z.string().datetime({ offset: true }),
    ends_at: z.string().datetime({ offset: true }),
  })
  .refine((input) => new Date(input.ends_at) > new Date(input.starts_at), {
    message: "ends_at must be after starts_at",
    path: ["ends_at"],
  });
export type CreateDelegationInput = z.infer<typeof CreateDelegationInput>;

/** A work queue: tasks assigned to it are for the holders of its roles and its listed users. */
export const WorkQueue = z.object({
  name: z.string(),
  description: z.string(),
  roles: z.array(z.string()),
  user_ids: z.array(z.string()),
});
export type WorkQueue = z.infer<typeof WorkQueue>;

export const WorkQueueInput = z.strictObject({
  name: z
    .string()
    .min(2)
    .max(63)
    .regex(/^[a-z0-9][a-z0-9-]*$/, "lowercase letters, digits and dashes"),
  description: z.string().max(500).default(""),
  roles: z.array(z.string()).default([]),
  user_ids: z.array(z.string()).default([]),
});
export type WorkQueueInput = z.infer<typeof WorkQueueInput>;

/** Where escalations and new tasks are announced besides the console: email to the people, and a webhook. */
export const NotificationSettings = z.object({
  email: z.boolean(),
  webhook_url: z.string().url().nullable(),
  /** Set: deliveries are signed (HMAC-SHA256 of the body, header X-Crossdock-Signature). Never returned. */
  webhook_secret_set: z.boolean(),
});
export type NotificationSettings = z.infer<typeof NotificationSettings>;

export const NotificationSettingsInput = z.strictObject({
  email: z.boolean().optional(),
  webhook_url: z
    .string()
    .url()
    .refine((url) => /^https?:\/\//.test(url), "an http(s) URL")
    .nullable()
    .optional(),
  webhook_secret: z.string().min(16).max(200).nullable().optional(),
});
export type NotificationSettingsInput = z.infer<typeof NotificationSettingsInput>;
