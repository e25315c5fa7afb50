import {
  BRANDING_FIELDS,
  type Branding,
  type BrandingSource,
  DEFAULT_BRANDING,
  type EffectiveBranding,
  type Tenant,
} from "../contract/index.ts";

/**
 * Tenant over partner over Crossdock's defaults, field by field, with where each value came from.
 * The sender name on emails defaults to the effective product name.
 */
export function effectiveBranding(
  tenantBranding: Branding | null,
  partnerBranding: Branding | null,
  tenant: Pick<Tenant, "slug"> | null,
): EffectiveBranding {
  const values: Record<string, string | null> = {};
  const sources: Record<string, BrandingSource> = {};
  for (const field of BRANDING_FIELDS) {
    const own = tenantBranding?.[field] ?? null;
    const inherited = partnerBranding?.[field] ?? null;
    values[field] = own ?? inherited ?? DEFAULT_BRANDING[field];
    sources[field] = own !== null ? "tenant" : inherited !== null ? "partner" : "default";
  }
  const productName = values.product_name as string;
  return {
    product_name: productName,
    logo: values.logo ?? null,
    primary_color: values.primary_color as string,
    accent_color: values.accent_color as string,
    support_email: values.support_email ?? null,
    support_url: values.support_url ?? null,
    support_phone: values.support_phone ?? null,
    email_from_name: values.email_from_name ?? productName,
    sources,
    tenant: tenant ? { slug: tenant.slug } : null,
  };
}
