import { z } from "zod";

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
  /**
   * The tenant this branding is for, when one was named and found: its slug only, since this is
   * answered to anyone (the sign-in page asks before sign-in).
   */
  tenant: z.object({ slug: z.string() }).nullable(),
});
export type EffectiveBranding = z.infer<typeof EffectiveBranding>;

/** A tenant's branding in settings: what it sets itself, what its partner sets, and the result. */
export const TenantBranding = z.object({
  tenant: Branding,
  partner: Branding.nullable(),
  effective: EffectiveBranding,
});
export type TenantBranding = z.infer<typeof TenantBranding>;
