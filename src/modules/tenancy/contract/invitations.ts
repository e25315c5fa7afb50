import { z } from "zod";
import { User } from "./users.ts";

/** Invite someone: the user is created without a password and gets an email with a link to set one. */
export const InviteUserInput = z.strictObject({
  email: z.string().email().max(320),
  name: z.string().min(1).max(200),
  roles: z.array(z.string()).min(1),
});
export type InviteUserInput = z.infer<typeof InviteUserInput>;

export const EmailDelivery = z.object({
  status: z.enum(["sent", "failed", "not_configured"]),
  /** Why it was not sent, when it was not. */
  error: z.string().nullable(),
});
export type EmailDelivery = z.infer<typeof EmailDelivery>;

export const Invitation = z.object({
  user: User,
  expires_at: z.string(),
  email: EmailDelivery,
  /** The link to set a password, returned only when the email could not be sent, so an admin can pass it on. */
  link: z.string().nullable(),
});
export type Invitation = z.infer<typeof Invitation>;

/** What the set-password page shows before the password is chosen. */
export const InvitationPreview = z.object({
  email: z.string(),
  name: z.string(),
  tenant: z.object({ name: z.string(), slug: z.string() }),
  expires_at: z.string(),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

export const AcceptInvitationInput = z.strictObject({
  token: z.string().min(1).max(200),
  password: z.string().min(12, "at least 12 characters").max(256),
});
export type AcceptInvitationInput = z.infer<typeof AcceptInvitationInput>;
