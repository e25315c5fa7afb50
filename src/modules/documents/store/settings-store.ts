import { sql } from "drizzle-orm";
import type { WriteContext } from "../../../platform/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { rows, withTenant } from "../../../platform/db/tenant-scope.ts";
import { appendAudit } from "../../governance/index.ts";
import type { DocumentSettings } from "../contract/documents.ts";
import { DEFAULT_TOLERANCES } from "../validate/tolerances.ts";

/** A tenant's tolerances and extractor, the shipped ones (the rules) unless it set its own. */
export async function documentSettings(db: Database, tenantId: string): Promise<DocumentSettings> {
  const [row] = await withTenant(db, tenantId, (tx) =>
    rows<{ price_tolerance: string; quantity_tolerance: string; extractor: "rules" | "model" }>(
      tx,
      sql`select price_tolerance, quantity_tolerance, extractor from documents.settings where tenant_id = ${tenantId}`,
    ),
  );
  return row
    ? {
        price_tolerance: Number(row.price_tolerance),
        quantity_tolerance: Number(row.quantity_tolerance),
        extractor: row.extractor,
      }
    : { price_tolerance: DEFAULT_TOLERANCES.price, quantity_tolerance: DEFAULT_TOLERANCES.quantity, extractor: "rules" };
}

export async function updateDocumentSettings(
  db: Database,
  ctx: WriteContext,
  settings: DocumentSettings,
  now: Date,
): Promise<DocumentSettings> {
  await withTenant(db, ctx.tenantId, async (tx) => {
    await tx.execute(sql`
      insert into documents.settings (tenant_id, price_tolerance, quantity_tolerance, extractor, updated_at)
      values (${ctx.tenantId}, ${settings.price_tolerance}, ${settings.quantity_tolerance}, ${settings.extractor ?? "rules"},
        ${now.toISOString()})
      on conflict (tenant_id) do update
        set price_tolerance = excluded.price_tolerance, quantity_tolerance = excluded.quantity_tolerance,
          extractor = excluded.extractor, updated_at = excluded.updated_at`);
    await appendAudit(tx, {
      ...ctx,
      action: "documents.settings.updated",
      resourceType: "document_settings",
      resourceId: ctx.tenantId,
      data: settings,
    });
  });
  return { ...settings, extractor: settings.extractor ?? "rules" };
}
