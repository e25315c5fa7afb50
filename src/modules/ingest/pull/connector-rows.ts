import { sql } from "drizzle-orm";
import type { Tx } from "../../../platform/db/database.ts";
import { rows } from "../../../platform/db/tenant-scope.ts";
import { AppError, notFound } from "../../../platform/errors.ts";
import type { SourceStatus, SourceSystemKind } from "../contract/index.ts";
import { iso, isoOrNull } from "../db-values.ts";
import type { PullConnector, PullConnectorKind, PullRun, PullStream } from "./contract/index.ts";
import { maskSecrets, type StoredSecrets } from "./secrets.ts";

export type ConnectorRow = {
  tenant_id: string;
  id: string;
  name: string;
  kind: PullConnectorKind;
  system: SourceSystemKind;
  source_system: string;
  connection: Record<string, unknown>;
  secrets: StoredSecrets;
  resources: Record<string, Record<string, unknown>>;
  interval_seconds: number;
  status: SourceStatus;
  created_at: string;
  updated_at: string;
};

export const CONNECTOR_COLUMNS = sql.raw(
  "tenant_id, id, name, kind, system, source_system, connection, secrets, resources, interval_seconds, status, created_at, updated_at",
);

/** The connector, by id or name, in the caller's tenant transaction; `lock` holds it until the transaction ends. */
export async function findConnectorRow(tx: Tx, idOrName: string, options: { lock?: boolean } = {}): Promise<ConnectorRow> {
  const [row] = await rows<ConnectorRow>(
    tx,
    sql`select ${CONNECTOR_COLUMNS} from ingest.pull_connectors where id = ${idOrName} or name = ${idOrName}
        ${options.lock ? sql`for update` : sql``}`,
  );
  if (!row) throw notFound("Pull connector", idOrName);
  return row;
}

export function resourceOf(row: ConnectorRow, resource: string): Record<string, unknown> {
  const found = row.resources[resource];
  if (!found) {
    throw new AppError(
      "not_found",
      `Pull connector ${row.name} has no resource ${resource} (it has ${Object.keys(row.resources).join(", ")})`,
    );
  }
  return found;
}

/** A run as the database has it (timestamps as text, or as JSON when read through to_jsonb). */
export type RunRow = {
  id: string;
  connector_id: string;
  resource: string;
  trigger: PullRun["trigger"];
  status: PullRun["status"];
  started_at: string;
  finished_at: string | null;
  pages: number;
  rows_read: number;
  rows_written: number;
  rows_unchanged: number;
  rows_quarantined: number;
  requests: number;
  retries: number;
  resumed: number;
  cursor_start: unknown;
  cursor_end: unknown;
  error: PullRun["error"];
};

export const RUN_COLUMNS = sql.raw(
  "id, connector_id, resource, trigger, status, started_at, finished_at, pages, rows_read, rows_written, rows_unchanged, rows_quarantined, requests, retries, resumed, cursor_start, cursor_end, error",
);

export function toRun(row: RunRow): PullRun {
  return {
    id: row.id,
    connector_id: row.connector_id,
    resource: row.resource,
    trigger: row.trigger,
    status: row.status,
    started_at: iso(row.started_at),
    finished_at: isoOrNull(row.finished_at),
    pages: Number(row.pages),
    rows_read: Number(row.rows_read),
    rows_written: Number(row.rows_written),
    rows_unchanged: Number(row.rows_unchanged),
    rows_quarantined: Number(row.rows_quarantined),
    requests: Number(row.requests),
    retries: Number(row.retries),
    resumed: Number(row.resumed),
    cursor_start: row.cursor_start ?? null,
    cursor_end: row.cursor_end ?? null,
    error: row.error ?? null,
  };
}

type StreamRow = {
  connector_id: string;
  resource: string;
  source_id: string;
  cursor: unknown;
  next_run_at: string;
  run_id: string | null;
  last_success_at: string | null;
  caught_up_at: string | null;
  last_run: RunRow | null;
};

/** The streams of these connectors, each with its current or last run. */
export async function streamsOf(tx: Tx, connectorIds: string[], now: Date): Promise<Map<string, PullStream[]>> {
  const found = await rows<StreamRow>(
    tx,
    sql`select s.connector_id, s.resource, s.source_id, s.cursor, s.next_run_at, s.run_id, s.last_success_at, s.caught_up_at,
               to_jsonb(r) as last_run
          from ingest.pull_streams s
          left join ingest.pull_runs r on r.id = coalesce(s.run_id, s.last_run_id)
         where s.connector_id in (select jsonb_array_elements_text(${JSON.stringify(connectorIds)}::jsonb))
         order by s.connector_id, s.resource`,
  );
  const byConnector = new Map<string, PullStream[]>();
  for (const row of found) {
    const stream: PullStream = {
      resource: row.resource,
      source_id: row.source_id,
      cursor: row.cursor ?? null,
      next_run_at: iso(row.next_run_at),
      running: row.run_id !== null,
      last_run: row.last_run ? toRun(row.last_run) : null,
      last_success_at: isoOrNull(row.last_success_at),
      lag_seconds: row.caught_up_at ? Math.max(0, (now.getTime() - new Date(iso(row.caught_up_at)).getTime()) / 1000) : null,
    };
    byConnector.set(row.connector_id, [...(byConnector.get(row.connector_id) ?? []), stream]);
  }
  return byConnector;
}

/** A connector as the API shows it: secrets masked, with its streams. */
export function toConnector(row: ConnectorRow, streams: PullStream[]): PullConnector {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    system: row.system,
    source_system: row.source_system,
    interval_seconds: Number(row.interval_seconds),
    status: row.status,
    connection: maskSecrets(row.kind, row.connection, row.secrets),
    resources: row.resources,
    streams,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}
