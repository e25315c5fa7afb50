import { sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor.ts";
import type { Database, Executor } from "../../../platform/db/database.ts";
import { rows, withSystem } from "../../../platform/db/tenant-scope.ts";
import { appendAudit } from "../../governance/index.ts";
import type { Branding, BrandingInput } from "../contract/index.ts";
import { partnerNotFound } from "../errors.ts";
import { parseBrandingInput } from "./branding-input.ts";
import { BRANDING_COLUMNS, BRANDING_UPDATE, brandingValues, toBranding } from "./branding-rows.ts";
import { brandingForAudit } from "./logo.ts";

async function readPartnerBranding(executor: Executor, partnerId: string, lock = false): Promise<Branding> {
  const [partner] = await rows<{ id: string }>(
    executor,
    sql`select id from tenancy.partners where id = ${partnerId} ${lock ? sql`for update` : sql``}`,
  );
  if (!partner) throw partnerNotFound(partnerId);
  const [row] = await rows<Record<string, unknown>>(
    executor,
    sql`select ${BRANDING_COLUMNS} from tenancy.partner_branding where partner_id = ${partnerId}`,
  );
  return toBranding(row);
}

export function getPartnerBranding(db: Database, partnerId: string): Promise<Branding> {
  return readPartnerBranding(db.orm, partnerId);
}

/**
 * Changes the fields given for every tenant of the partner that does not set them itself. The
 * change alters each of those tenants' console and emails, so each of their trails records it,
 * in the same transaction as the change.
 */
export async function updatePartnerBranding(
  db: Database,
  ctx: { actor: Actor; requestId?: string | undefined },
  partnerId: string,
  input: BrandingInput,
): Promise<Branding> {
  const change = parseBrandingInput(input);
  return withSystem(db, async (tx) => {
    const before = await readPartnerBranding(tx, partnerId, true);
    const after: Branding = { ...before, ...change };
    await tx.execute(
      sql`insert into tenancy.partner_branding (partner_id, ${BRANDING_COLUMNS}, updated_at)
          values (${partnerId}, ${brandingValues(after)}, now())
          on conflict (partner_id) do update set ${BRANDING_UPDATE}, updated_at = now()`,
    );
    const tenants = await rows<{ id: string }>(
      tx,
      sql`select id from tenancy.tenants where partner_id = ${partnerId} order by id`,
    );
    const data = { before: brandingForAudit(before), after: brandingForAudit(after) };
    for (const tenant of tenants) {
      await appendAudit(tx, {
        tenantId: tenant.id,
        actor: ctx.actor,
        requestId: ctx.requestId,
        action: "partner.branding_changed",
        resourceType: "partner",
        resourceId: partnerId,
        data,
      });
    }
    return after;
  });
}
