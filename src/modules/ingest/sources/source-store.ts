import { sql } from "drizzle-orm";
import type { WriteContext } from "../../../platform/actor.ts";
import { newSecret, seal, unseal } from "../../../platform/crypto.ts";
import type { Database } from "../../../platform/db/database.ts";
import { rows, withSystem, withTenant } from "../../../platform/db/tenant-scope.ts";
import { AppError, notFound } from "../../../platform/errors.ts";
import { newId } from "../../../platform/ids.ts";
import type { Keyring } from "../../../platform/secret-key.ts";
import { appendAudit } from "../../governance/index.ts";
import type { Source, SourceHealth, SourceInput, SourceStatus, SourceUpdate, SourceWithSecret } from "../contract/index.ts";
import { iso } from "../db-values.ts";
import { NO_TRAFFIC, sourcesHealth } from "./source-health.ts";
import { compileSourceMapping } from "./source-mapping.ts";

export type SourceDeps = { db: Database; keyring: Keyring; clock: () => Date };

type SourceRow = {
  id: string;
  tenant_id: string;
  name: string;
  kind: Source["kind"];
  system: Source["system"];
  source_system: string;
  mapping: Record<string, unknown>;
  status: SourceStatus;
  secret_sealed: string | null;
  created_at: string;
  updated_at: string;
};

const COLUMNS = sql.raw(
  "id, tenant_id, name, kind, system, source_system, mapping, status, secret_sealed, created_at, updated_at",
);

export const webhookPath = (sourceId: string) => `/api/v1/ingest/webhooks/${sourceId}`;

function toSource(row: SourceRow, health: SourceHealth = NO_TRAFFIC): Source {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    system: row.system,
    source_system: row.source_system,
    mapping: row.mapping,
    status: row.status,
    webhook_path: row.kind === "webhook" ? webhookPath(row.id) : null,
    health,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}

// The secret is sealed to its tenant and source: copied to another row, it does not open.
const secretContext = (tenantId: string, sourceId: string) => `${tenantId}/${sourceId}/webhook-secret`;

const nameTaken = (name: string) => new AppError("conflict", `A source named ${name} exists already`);

const isUniqueViolation = (error: unknown) => {
  for (let current = error as { code?: string; cause?: unknown } | undefined; current; current = current.cause as typeof current)
    if (current.code === "23505") return true;
  return false;
};

export async function createSource(deps: SourceDeps, ctx: WriteContext, input: SourceInput): Promise<SourceWithSecret> {
  compileSourceMapping(input.mapping);
  const id = newId("src");
  const secret = newSecret();
  const sealed = seal(await deps.keyring.key(), secret, secretContext(ctx.tenantId, id));
  const now = deps.clock().toISOString();
  try {
    const row = await withTenant(deps.db, ctx.tenantId, async (tx) => {
      const [inserted] = await rows<SourceRow>(
        tx,
        sql`insert into ingest.sources (tenant_id, id, name, kind, system, source_system, mapping, secret_sealed, status, created_at, updated_at)
            values (${ctx.tenantId}, ${id}, ${input.name}, 'webhook', ${input.system}, ${input.source_system ?? input.name},
                    ${JSON.stringify(input.mapping)}::jsonb, ${sealed}, ${input.status ?? "active"}, ${now}, ${now})
            returning ${COLUMNS}`,
      );
      await appendAudit(tx, {
        ...ctx,
        action: "ingest.source.created",
        resourceType: "ingest_source",
        resourceId: id,
        data: {
          name: input.name,
          system: input.system,
          source_system: input.source_system ?? input.name,
          mapping: input.mapping,
        },
      });
      return inserted as SourceRow;
    });
    return { ...toSource(row), secret };
  } catch (error) {
    throw isUniqueViolation(error) ? nameTaken(input.name) : error;
  }
}

export async function listSources(db: Database, tenantId: string, now: Date): Promise<Source[]> {
  const found = await withTenant(db, tenantId, (tx) =>
    rows<SourceRow>(tx, sql`select ${COLUMNS} from ingest.sources order by name`),
  );
  const health = await sourcesHealth(db, tenantId, now);
  return found.map((row) => toSource(row, health.get(row.id)));
}

async function findRow(db: Database, tenantId: string, idOrName: string): Promise<SourceRow> {
  const [row] = await withTenant(db, tenantId, (tx) =>
    rows<SourceRow>(tx, sql`select ${COLUMNS} from ingest.sources where id = ${idOrName} or name = ${idOrName}`),
  );
  if (!row) throw notFound("Source", idOrName);
  return row;
}

export async function getSource(db: Database, tenantId: string, idOrName: string, now: Date): Promise<Source> {
  const row = await findRow(db, tenantId, idOrName);
  return toSource(row, (await sourcesHealth(db, tenantId, now)).get(row.id));
}

export async function updateSource(deps: SourceDeps, ctx: WriteContext, idOrName: string, update: SourceUpdate): Promise<Source> {
  if (update.mapping) compileSourceMapping(update.mapping);
  const before = await findRow(deps.db, ctx.tenantId, idOrName);
  const now = deps.clock().toISOString();
  const row = await withTenant(deps.db, ctx.tenantId, async (tx) => {
    const [updated] = await rows<SourceRow>(
      tx,
      sql`update ingest.sources
             set system = ${update.system ?? before.system}, source_system = ${update.source_system ?? before.source_system},
                 mapping = ${JSON.stringify(update.mapping ?? before.mapping)}::jsonb, status = ${update.status ?? before.status},
                 updated_at = ${now}
           where id = ${before.id} returning ${COLUMNS}`,
    );
    await appendAudit(tx, {
      ...ctx,
      action: "ingest.source.updated",
      resourceType: "ingest_source",
      resourceId: before.id,
      data: { name: before.name, changed: Object.keys(update), ...update },
    });
    return updated as SourceRow;
  });
  return toSource(row);
}

/** A new signing secret, shown once; the old one stops working at once. */
export async function rotateSourceSecret(deps: SourceDeps, ctx: WriteContext, idOrName: string): Promise<SourceWithSecret> {
  const before = await findRow(deps.db, ctx.tenantId, idOrName);
  if (before.kind !== "webhook")
    throw new AppError("conflict", `${before.name} is a ${before.kind} source: it has no signing secret`);
  const secret = newSecret();
  const sealed = seal(await deps.keyring.key(), secret, secretContext(ctx.tenantId, before.id));
  const row = await withTenant(deps.db, ctx.tenantId, async (tx) => {
    const [updated] = await rows<SourceRow>(
      tx,
      sql`update ingest.sources set secret_sealed = ${sealed}, updated_at = ${deps.clock().toISOString()}
           where id = ${before.id} returning ${COLUMNS}`,
    );
    await appendAudit(tx, {
      ...ctx,
      action: "ingest.source.secret_rotated",
      resourceType: "ingest_source",
      resourceId: before.id,
      data: { name: before.name },
    });
    return updated as SourceRow;
  });
  return { ...toSource(row), secret };
}

/** What the webhook endpoint needs of a source, found by id alone (the caller has no tenant yet). */
export type WebhookSource = { id: string; tenantId: string; name: string; status: SourceStatus; secret: string };

export async function webhookSource(deps: SourceDeps, sourceId: string): Promise<WebhookSource | undefined> {
  const [row] = await withSystem(deps.db, (tx) =>
    rows<SourceRow>(tx, sql`select ${COLUMNS} from ingest.sources where id = ${sourceId} and kind = 'webhook'`),
  );
  if (!row?.secret_sealed) return undefined;
  const secret = unseal(await deps.keyring.key(), row.secret_sealed, secretContext(row.tenant_id, row.id));
  return { id: row.id, tenantId: row.tenant_id, name: row.name, status: row.status, secret };
}
