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

// ── Branding (white-label) ─────────────────────────────────────────────────────────────────────

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "a colour written #rrggbb");

/** Logos are kept in the database as data URLs: PNG, JPEG, WebP or SVG, at most 256 KB once encoded. */
export const LOGO_MAX_CHARS = 256 * 1024;
const logo = z
  .string()
  .max(LOGO_MAX_CHARS, "the logo must be at most 256 KB")
  .regex(/^data:image\/(png|jpeg|webp|svg\+xml);base64,[A-Za-z0-9+/]+=*$/, "a PNG, JPEG, WebP or SVG image as a base64 data URL");

/** What a partner or a tenant sets; null (or absent) means "inherit". */
export const Branding = z.object({
  product_name: z.string().min(1).max(60).nullable(),
  logo: logo.nullable(),
  primary_color: hexColor.nullable(),
  accent_color: hexColor.nullable(),
  support_email: z.string().email().max(320).nullable(),
  // Only web addresses: the console and emails make this a link, and a javascript: URL there would run.
  support_url: z
    .string()
    .url()
    .max(500)
    .regex(/^https?:\/\//i, "an http:// or https:// address")
    .nullable(),
  support_phone: z.string().min(3).max(40).nullable(),
  /** The sender name on outgoing emails, e.g. "Harbor Ops". */
  email_from_name: z.string().min(1).max(100).nullable(),
});
export type Branding = z.infer<typeof Branding>;

/** A change: only the fields given are changed; null clears a field back to the inherited value. */
export const BrandingInput = Branding.partial().strict();
export type BrandingInput = z.infer<typeof BrandingInput>;

export const BRANDING_FIELDS = Object.keys(Branding.shape) as (keyof Branding)[];

/** What Crossdock looks like when neither the tenant nor its partner says otherwise. */
export const DEFAULT_BRANDING = {
  product_name: "Crossdock",
  logo: null,
  primary_color: "#1f4e79",
  accent_color: "#e8a33d",
  support_email: null,
  support_url: null,
  support_phone: null,
  // null: the effective product name
  email_from_name: null,
} as const satisfies Branding;

export const BrandingSource = z.enum(["tenant", "partner", "default"]);
export type BrandingSource = z.infer<typeof BrandingSource>;

/** What the console, the sign-in page and emails show: tenant over partner over Crossdock's defaults. */
export const EffectiveBranding = z.object({
  product_name: z.string(),
  logo: z.string().nullable(),
  primary_color: z.string(),
  accent_color: z.string(),
  support_email: z.string().nullable(),
  support_url: z.string().nullable(),
  support_phone: z.string().nullable(),
  email_from_name: z.string(),
  /** Where each field's value came from. */
  sources: z.record(z.string(), BrandingSource),
  /** The tenant this branding is for, when one was named and found. */
  tenant: z.object({ name: z.string(), slug: z.string() }).nullable(),
});
export type EffectiveBranding = z.infer<typeof EffectiveBranding>;

/** A tenant's branding in settings: what it sets itself, what its partner sets, and the result. */
export const TenantBranding = z.object({
  tenant: Branding,
  partner: Branding.nullable(),
  effective: EffectiveBranding,
});
export type TenantBranding = z.infer<typeof TenantBranding>;

// ── The caller ───────────────────────────────────────────────────────────────────────────────

export const TenantRef = z.object({ id: z.string(), name: z.string(), slug: z.string() });
export type TenantRef = z.infer<typeof TenantRef>;

/** `GET /api/v1/me`: who is calling, where, and what they may do. */
export const Me = z.object({
  kind: z.enum(["api_key", "session", "operator"]),
  actor: z.object({ type: z.string(), id: z.string(), label: z.string().optional() }),
  /** The tenant the credential belongs to (its home tenant). */
  tenant_id: z.string().nullable(),
  tenant: TenantRef.nullable(),
  /** The tenant this request acts in: the home tenant, or the one named by X-Crossdock-Tenant. */
  acting_tenant: TenantRef.nullable(),
  partner: z.object({ id: z.string(), name: z.string(), slug: z.string() }).nullable(),
  /** For console sessions: the signed-in user. */
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), roles: z.array(z.string()) }).nullable(),
  session_expires_at: z.string().nullable(),
  scopes: z.array(z.string()),
});
export type Me = z.infer<typeof Me>;

// ── Users and roles ──────────────────────────────────────────────────────────────────────────

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
