import { sql } from "drizzle-orm";
import type { WriteContext } from "../../../platform/actor.ts";
import type { Database, Tx } from "../../../platform/db/database.ts";
import { rows, withTenant } from "../../../platform/db/tenant-scope.ts";
import { appendAudit } from "../../governance/index.ts";
import type { Branding, BrandingInput, TenantBranding } from "../contract/index.ts";
import { tenantNotFound } from "../errors.ts";
import { parseBrandingInput } from "./branding-input.ts";
import { BRANDING_COLUMNS, BRANDING_UPDATE, brandingValues, OWN_AND_PARTNER_BRANDING, toBranding } from "./branding-rows.ts";
import { effectiveBranding } from "./effective-branding.ts";
import { brandingForAudit } from "./logo.ts";

type Row = {
  name: string;
  slug: string;
  partner_id: string | null;
  own: Record<string, unknown> | null;
  partner: Record<string, unknown> | null;
};

/** The tenant's own branding, its partner's (null when it has no partner) and the result, read as the tenant. */
async function readTenantBranding(tx: Tx, tenantId: string): Promise<TenantBranding> {
  const [row] = await rows<Row>(
    tx,
    sql`select t.name, t.slug, t.partner_id, ${OWN_AND_PARTNER_BRANDING}
          from tenancy.tenants t where t.id = ${tenantId}`,
  );
  if (!row) throw tenantNotFound(tenantId);
  const own = toBranding(row.own ?? undefined);
  const partner = row.partner_id ? toBranding(row.partner ?? undefined) : null;
  return { tenant: own, partner, effective: effectiveBranding(own, partner, row) };
}

export function getTenantBranding(db: Database, tenantId: string): Promise<TenantBranding> {
  return withTenant(db, tenantId, (tx) => readTenantBranding(tx, tenantId));
}

/** Changes the fields given (null clears one back to the inherited value), audited with before and after. */
export async function updateTenantBranding(db: Database, ctx: WriteContext, input: BrandingInput): Promise<TenantBranding> {
  const change = parseBrandingInput(input);
  return withTenant(db, ctx.tenantId, async (tx) => {
    const before = (await readTenantBranding(tx, ctx.tenantId)).tenant;
    const after: Branding = { ...before, ...change };
    await tx.execute(
      sql`insert into tenancy.tenant_branding (tenant_id, ${BRANDING_COLUMNS}, updated_at)
          values (${ctx.tenantId}, ${brandingValues(after)}, now())
          on conflict (tenant_id) do update set ${BRANDING_UPDATE}, updated_at = now()`,
    );
    await appendAudit(tx, {
      ...ctx,
      action: "tenant.branding_changed",
      resourceType: "tenant",
      resourceId: ctx.tenantId,
      data: { before: brandingForAudit(before), after: brandingForAudit(after) },
    });
    return readTenantBranding(tx, ctx.tenantId);
  });
}
