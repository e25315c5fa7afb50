import { sql } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import { rows } from "../../../platform/db/tenant-scope.ts";
import type { EffectiveBranding } from "../contract/index.ts";
import { OWN_AND_PARTNER_BRANDING, toBranding } from "./branding-rows.ts";
import { effectiveBranding } from "./effective-branding.ts";
import { decodeLogo, type Logo } from "./logo.ts";

type Row = { name: string; slug: string; own: Record<string, unknown> | null; partner: Record<string, unknown> | null };

/**
 * What a tenant's pages and emails look like, by the tenant's slug or id, before anyone signs in
 * (the sign-in page asks). An unknown or absent tenant gets Crossdock's defaults, with `tenant: null`.
 */
export async function brandingFor(db: Database, tenantRef: string | undefined): Promise<EffectiveBranding> {
  if (!tenantRef) return effectiveBranding(null, null, null);
  const [row] = await rows<Row>(
    db.orm,
    sql`select t.name, t.slug, ${OWN_AND_PARTNER_BRANDING}
          from tenancy.tenants t where t.id = ${tenantRef} or t.slug = ${tenantRef}`,
  );
  if (!row) return effectiveBranding(null, null, null);
  return effectiveBranding(row.own ? toBranding(row.own) : null, row.partner ? toBranding(row.partner) : null, row);
}

/** The effective logo's bytes, or undefined when neither the tenant nor its partner has one. */
export async function brandingLogo(db: Database, tenantRef: string | undefined): Promise<Logo | undefined> {
  const { logo } = await brandingFor(db, tenantRef);
  return logo ? decodeLogo(logo) : undefined;
}
