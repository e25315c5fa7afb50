import { sql } from "drizzle-orm";
import type { z } from "zod";
import type { WriteContext } from "../../../platform/actor.ts";
import type { Database, Tx } from "../../../platform/db/database.ts";
import { rows, withTenant } from "../../../platform/db/tenant-scope.ts";
import { AppError, isAppError } from "../../../platform/errors.ts";
import { newId } from "../../../platform/ids.ts";
import type { Keyring } from "../../../platform/secret-key.ts";
import { appendAudit } from "../../governance/index.ts";
import { compileSourceMapping } from "../sources/source-mapping.ts";
import { CONNECTOR_COLUMNS, type ConnectorRow, findConnectorRow, resourceOf, streamsOf, toConnector } from "./connector-rows.ts";
import {
  type PullConnector,
  PullConnectorInput,
  type PullConnectorUpdate,
  type PullRunNowInput,
  type PullStream,
} from "./contract/index.ts";
import { maskSecrets, sealSecrets } from "./secrets.ts";

export type StoreDeps = { db: Database; keyring: Keyring; clock: () => Date };

function parseInput(value: unknown): PullConnectorInput {
  const parsed = PullConnectorInput.safeParse(value);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((issue: z.core.$ZodIssue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }));
  const first = details[0];
  throw new AppError(
    "validation_failed",
    `The pull connector is invalid (${first ? `${first.path}: ${first.message}` : "invalid"})`,
    {
      details,
    },
  );
}

/** Each resource's mapping compiled, or the problems at `resources.<name>.mapping…`. */
function checkMappings(input: PullConnectorInput): void {
  for (const [name, resource] of Object.entries(input.resources)) {
    try {
      compileSourceMapping(resource.mapping);
    } catch (error) {
      if (!isAppError(error)) throw error;
      throw new AppError("validation_failed", `resources.${name}.mapping: ${error.message}`, {
        details: error.details.map((detail) => ({ ...detail, path: `resources.${name}.${detail.path ?? "mapping"}` })),
      });
    }
  }
}

/** What a stored cursor means: when it changes, the cursor no longer fits and the resource is read from the start. */
function cursorMeaning(kind: PullConnector["kind"], resource: Record<string, unknown>): string {
  if (kind === "sql") return JSON.stringify(resource.cursor_columns);
  const paging = resource.paging as { type?: string } | undefined;
  const incremental = resource.incremental as { field?: string } | undefined;
  return JSON.stringify([resource.path, paging?.type, incremental?.field]);
}

const sourceName = (connector: string, resource: string) => `${connector}-${resource}`;

/**
 * The source of a resource (kind `pull`): its quarantined rows are receipts of it, replayed with its
 * mapping. A source of the same name left by a deleted connector is taken over; any other is a conflict.
 */
async function upsertResourceSource(
  tx: Tx,
  deps: StoreDeps,
  row: { tenantId: string; connector: string; resource: string; system: string; sourceSystem: string; status: string },
  mapping: unknown,
): Promise<string> {
  const id = newId("src");
  const name = sourceName(row.connector, row.resource);
  const now = deps.clock().toISOString();
  const [source] = await rows<{ id: string }>(
    tx,
    sql`insert into ingest.sources as s (tenant_id, id, name, kind, system, source_system, mapping, secret_sealed, status, created_at, updated_at)
        values (${row.tenantId}, ${id}, ${name}, 'pull', ${row.system}, ${row.sourceSystem}, ${JSON.stringify(mapping)}::jsonb,
                null, ${row.status}, ${now}, ${now})
        on conflict (tenant_id, name) do update
           set system = excluded.system, source_system = excluded.source_system, mapping = excluded.mapping,
               status = excluded.status, updated_at = excluded.updated_at
         where s.kind = 'pull' and not exists (select 1 from ingest.pull_streams ps where ps.source_id = s.id)
        returning s.id`,
  );
  if (!source) {
    throw new AppError(
      "conflict",
      `A source named ${name} exists already; resource ${row.resource} needs that name for its quarantine`,
      {
        details: [{ path: `resources.${row.resource}`, message: `the source name ${name} is taken` }],
      },
    );
  }
  return source.id;
}

async function addStream(tx: Tx, tenantId: string, connectorId: string, resource: string, sourceId: string, now: string) {
  await tx.execute(sql`insert into ingest.pull_streams (tenant_id, connector_id, resource, source_id, next_run_at)
                       values (${tenantId}, ${connectorId}, ${resource}, ${sourceId}, ${now})`);
}

async function view(tx: Tx, row: ConnectorRow, now: Date): Promise<PullConnector> {
  return toConnector(row, (await streamsOf(tx, [row.id], now)).get(row.id) ?? []);
}

const isUniqueViolation = (error: unknown) => {
  for (let current = error as { code?: string; cause?: unknown } | undefined; current; current = current.cause as typeof current)
    if (current.code === "23505") return true;
  return false;
};

export async function createConnector(deps: StoreDeps, ctx: WriteContext, value: unknown): Promise<PullConnector> {
  const input = parseInput(value);
  checkMappings(input);
  const id = newId("pull");
  const sealed = sealSecrets(
    await deps.keyring.key(),
    { tenantId: ctx.tenantId, connectorId: id, kind: input.kind },
    input.connection,
    {},
  );
  const now = deps.clock();
  const status = input.status ?? "active";
  const sourceSystem = input.source_system ?? input.name;
  try {
    return await withTenant(deps.db, ctx.tenantId, async (tx) => {
      const [row] = await rows<ConnectorRow>(
        tx,
        sql`insert into ingest.pull_connectors (tenant_id, id, name, kind, system, source_system, connection, secrets, resources,
                                               interval_seconds, status, created_at, updated_at)
            values (${ctx.tenantId}, ${id}, ${input.name}, ${input.kind}, ${input.system}, ${sourceSystem},
                    ${JSON.stringify(sealed.connection)}::jsonb, ${JSON.stringify(sealed.secrets)}::jsonb,
                    ${JSON.stringify(input.resources)}::jsonb, ${input.interval_seconds}, ${status},
                    ${now.toISOString()}, ${now.toISOString()})
            returning ${CONNECTOR_COLUMNS}`,
      );
      const created = row as ConnectorRow;
      for (const [resource, config] of Object.entries(input.resources)) {
        const sourceId = await upsertResourceSource(
          tx,
          deps,
          { tenantId: ctx.tenantId, connector: input.name, resource, system: input.system, sourceSystem, status },
          config.mapping,
        );
        await addStream(tx, ctx.tenantId, id, resource, sourceId, now.toISOString());
      }
      await appendAudit(tx, {
        ...ctx,
        action: "ingest.pull_connector.created",
        resourceType: "ingest_pull_connector",
        resourceId: id,
        data: {
          name: input.name,
          kind: input.kind,
          system: input.system,
          source_system: sourceSystem,
          interval_seconds: input.interval_seconds,
          status,
          connection: maskSecrets(input.kind, sealed.connection, sealed.secrets),
          resources: input.resources,
        },
      });
      return view(tx, created, now);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", `A pull connector named ${input.name} exists already`);
    throw error;
  }
}

export async function listConnectors(deps: StoreDeps, tenantId: string): Promise<PullConnector[]> {
  return withTenant(deps.db, tenantId, async (tx) => {
    const found = await rows<ConnectorRow>(tx, sql`select ${CONNECTOR_COLUMNS} from ingest.pull_connectors order by name`);
    const streams = await streamsOf(
      tx,
      found.map((row) => row.id),
      deps.clock(),
    );
    return found.map((row) => toConnector(row, streams.get(row.id) ?? []));
  });
}

export async function getConnector(deps: StoreDeps, tenantId: string, idOrName: string): Promise<PullConnector> {
  return withTenant(deps.db, tenantId, async (tx) => view(tx, await findConnectorRow(tx, idOrName), deps.clock()));
}

/**
 * Changes a connector. Resources added get a source and a stream; resources left out stop being
 * read (their source and its receipts stay, paused); a resource whose cursor changes meaning (its
 * keyset, its paging, its change-time field) is read from the start again.
 */
export async function updateConnector(
  deps: StoreDeps,
  ctx: WriteContext,
  idOrName: string,
  update: PullConnectorUpdate,
  action: "updated" | "paused" | "resumed" = "updated",
): Promise<PullConnector> {
  const key = await deps.keyring.key();
  const now = deps.clock();
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const before = await findConnectorRow(tx, idOrName, { lock: true });
    const input = parseInput({
      name: before.name,
      kind: before.kind,
      system: update.system ?? before.system,
      source_system: update.source_system ?? before.source_system,
      interval_seconds: update.interval_seconds ?? before.interval_seconds,
      status: update.status ?? before.status,
      connection: update.connection ?? maskSecrets(before.kind, before.connection, before.secrets),
      resources: update.resources ?? before.resources,
    });
    checkMappings(input);
    const sealed = sealSecrets(
      key,
      { tenantId: ctx.tenantId, connectorId: before.id, kind: before.kind },
      input.connection,
      before.secrets,
    );
    const status = input.status ?? before.status;
    const sourceSystem = input.source_system ?? before.source_system;
    const [row] = await rows<ConnectorRow>(
      tx,
      sql`update ingest.pull_connectors
             set system = ${input.system}, source_system = ${sourceSystem}, connection = ${JSON.stringify(sealed.connection)}::jsonb,
                 secrets = ${JSON.stringify(sealed.secrets)}::jsonb, resources = ${JSON.stringify(input.resources)}::jsonb,
                 interval_seconds = ${input.interval_seconds}, status = ${status}, updated_at = ${now.toISOString()}
           where id = ${before.id} returning ${CONNECTOR_COLUMNS}`,
    );
    const reset: string[] = [];
    const removed = Object.keys(before.resources).filter((name) => !(name in input.resources));
    for (const [resource, config] of Object.entries(input.resources)) {
      const sourceId = await upsertExisting(tx, deps, ctx.tenantId, before, resource, {
        system: input.system,
        sourceSystem,
        status,
        mapping: config.mapping,
      });
      if (!(resource in before.resources)) {
        await addStream(tx, ctx.tenantId, before.id, resource, sourceId, now.toISOString());
      } else if (cursorMeaning(before.kind, before.resources[resource] ?? {}) !== cursorMeaning(before.kind, config)) {
        await tx.execute(
          sql`update ingest.pull_streams set cursor = null where connector_id = ${before.id} and resource = ${resource}`,
        );
        reset.push(resource);
      }
    }
    for (const resource of removed) {
      const [gone] = await rows<{ source_id: string }>(
        tx,
        sql`delete from ingest.pull_streams where connector_id = ${before.id} and resource = ${resource} returning source_id`,
      );
      if (gone)
        await tx.execute(
          sql`update ingest.sources set status = 'paused', updated_at = ${now.toISOString()} where id = ${gone.source_id}`,
        );
    }
    if (input.interval_seconds !== Number(before.interval_seconds)) {
      const soonest = new Date(now.getTime() + input.interval_seconds * 1000).toISOString();
      await tx.execute(sql`update ingest.pull_streams set next_run_at = least(next_run_at, ${soonest}::timestamptz)
                            where connector_id = ${before.id} and run_id is null`);
    }
    await appendAudit(tx, {
      ...ctx,
      action: `ingest.pull_connector.${action}`,
      resourceType: "ingest_pull_connector",
      resourceId: before.id,
      data: {
        name: before.name,
        changed: Object.keys(update),
        ...update,
        ...(update.connection ? { connection: maskSecrets(before.kind, sealed.connection, sealed.secrets) } : {}),
        ...(removed.length > 0 ? { resources_removed: removed } : {}),
        ...(reset.length > 0 ? { cursors_reset: reset } : {}),
      },
    });
    return view(tx, row as ConnectorRow, now);
  });
}

/** The source of a resource the connector had: updated in place; a new resource's is made (or taken over). */
async function upsertExisting(
  tx: Tx,
  deps: StoreDeps,
  tenantId: string,
  connector: ConnectorRow,
  resource: string,
  values: { system: string; sourceSystem: string; status: string; mapping: unknown },
): Promise<string> {
  const [existing] = await rows<{ source_id: string }>(
    tx,
    sql`select source_id from ingest.pull_streams where connector_id = ${connector.id} and resource = ${resource}`,
  );
  if (!existing) {
    return upsertResourceSource(
      tx,
      deps,
      {
        tenantId,
        connector: connector.name,
        resource,
        system: values.system,
        sourceSystem: values.sourceSystem,
        status: values.status,
      },
      values.mapping,
    );
  }
  await tx.execute(sql`update ingest.sources
                          set system = ${values.system}, source_system = ${values.sourceSystem}, mapping = ${JSON.stringify(values.mapping)}::jsonb,
                              status = ${values.status}, updated_at = ${deps.clock().toISOString()}
                        where id = ${existing.source_id}`);
  return existing.source_id;
}

/**
 * Removes a connector with its streams and runs. Its resources' sources stay, paused, with what they
 * quarantined (a connector made again under the same name takes them over); the audit trail keeps the rest.
 */
export async function deleteConnector(deps: StoreDeps, ctx: WriteContext, idOrName: string): Promise<void> {
  await withTenant(deps.db, ctx.tenantId, async (tx) => {
    const before = await findConnectorRow(tx, idOrName, { lock: true });
    await tx.execute(sql`update ingest.sources set status = 'paused', updated_at = ${deps.clock().toISOString()}
                          where id in (select source_id from ingest.pull_streams where connector_id = ${before.id})`);
    await tx.execute(sql`delete from ingest.pull_connectors where id = ${before.id}`);
    await appendAudit(tx, {
      ...ctx,
      action: "ingest.pull_connector.deleted",
      resourceType: "ingest_pull_connector",
      resourceId: before.id,
      data: { name: before.name, kind: before.kind, resources: Object.keys(before.resources) },
    });
  });
}

/** Asks for a run of one resource or all of them now (after the one in progress, if any). */
export async function requestRun(
  deps: StoreDeps,
  ctx: WriteContext,
  idOrName: string,
  input: PullRunNowInput,
): Promise<PullStream[]> {
  const now = deps.clock();
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const row = await findConnectorRow(tx, idOrName);
    if (row.status === "paused") throw new AppError("conflict", `Pull connector ${row.name} is paused; resume it first`);
    const resources = input.resource ? [input.resource] : Object.keys(row.resources);
    for (const resource of resources) resourceOf(row, resource);
    await tx.execute(sql`update ingest.pull_streams
                            set requested_at = ${now.toISOString()}, next_run_at = least(next_run_at, ${now.toISOString()}::timestamptz)
                          where connector_id = ${row.id}
                            and resource in (select jsonb_array_elements_text(${JSON.stringify(resources)}::jsonb))`);
    await appendAudit(tx, {
      ...ctx,
      action: "ingest.pull_connector.run_requested",
      resourceType: "ingest_pull_connector",
      resourceId: row.id,
      data: { name: row.name, resources },
    });
    return (await streamsOf(tx, [row.id], now)).get(row.id) ?? [];
  });
}

/** Forgets where a resource's reading stands: its next run reads everything from the start (upserts skip what is unchanged). */
export async function resetCursor(
  deps: StoreDeps,
  ctx: WriteContext,
  idOrName: string,
  resource: string,
): Promise<PullConnector> {
  const now = deps.clock();
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const row = await findConnectorRow(tx, idOrName);
    resourceOf(row, resource);
    const [stream] = await rows<{ run_id: string | null; cursor: unknown }>(
      tx,
      sql`select run_id, cursor from ingest.pull_streams where connector_id = ${row.id} and resource = ${resource} for update`,
    );
    if (stream?.run_id)
      throw new AppError("conflict", `${row.name}/${resource} is running (${stream.run_id}); reset it once the run ends`);
    await tx.execute(sql`update ingest.pull_streams set cursor = null where connector_id = ${row.id} and resource = ${resource}`);
    await appendAudit(tx, {
      ...ctx,
      action: "ingest.pull_connector.cursor_reset",
      resourceType: "ingest_pull_connector",
      resourceId: row.id,
      data: { name: row.name, resource, cursor_before: stream?.cursor ?? null },
    });
    return view(tx, row, now);
  });
}
