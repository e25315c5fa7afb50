import { sql } from "drizzle-orm";
import type { WriteContext } from "../../../platform/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { rows, withTenant } from "../../../platform/db/tenant-scope.ts";
import { appendAudit } from "../../governance/index.ts";
import type { NotificationSettings, NotificationSettingsInput } from "../contract/index.ts";

type Row = { email: boolean; webhook_url: string | null; webhook_secret: string | null };
const toSettings = (row: Row | undefined): NotificationSettings => ({
  email: row?.email ?? true,
  webhook_url: row?.webhook_url ?? null,
  webhook_secret_set: Boolean(row?.webhook_secret),
});

export async function getNotificationSettings(db: Database, tenantId: string): Promise<NotificationSettings> {
  const [row] = await withTenant(db, tenantId, (tx) =>
    rows<Row>(tx, sql`select email, webhook_url, webhook_secret from workflows.notification_settings`),
  );
  return toSettings(row);
}

/** Changes where tasks are announced; fields left out stay as they are, null clears. The secret is never returned. */
export async function saveNotificationSettings(
  db: Database,
  ctx: WriteContext,
  input: NotificationSettingsInput,
): Promise<NotificationSettings> {
  return withTenant(db, ctx.tenantId, async (tx) => {
    const [before] = await rows<Row>(
      tx,
      sql`select email, webhook_url, webhook_secret from workflows.notification_settings for update`,
    );
    const next: Row = {
      email: input.email ?? before?.email ?? true,
      webhook_url: input.webhook_url === undefined ? (before?.webhook_url ?? null) : input.webhook_url,
      webhook_secret: input.webhook_secret === undefined ? (before?.webhook_secret ?? null) : input.webhook_secret,
    };
    await tx.execute(sql`
      insert into workflows.notification_settings (tenant_id, email, webhook_url, webhook_secret, updated_at)
      values (${ctx.tenantId}, ${next.email}, ${next.webhook_url}, ${next.webhook_secret}, now())
      on conflict (tenant_id) do update set email = excluded.email, webhook_url = excluded.webhook_url,
         webhook_secret = excluded.webhook_secret, updated_at = now()`);
    const after = toSettings(next);
    await appendAudit(tx, {
      ...ctx,
      action: "notification_settings.updated",
      resourceType: "notification_settings",
      resourceId: ctx.tenantId,
      data: { before: toSettings(before), after },
    });
    return after;
  });
}
