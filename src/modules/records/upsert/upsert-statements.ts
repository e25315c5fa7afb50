import { type SQL, sql } from "drizzle-orm";
import type { RecordType } from "../contract/index.ts";
import { COLUMN_TYPES, type Column, childTable, columnsOf, isoTimestamp, parentTable, quote } from "../store/tables.ts";

export type StatementContext = { tenantId: string; actor: string; requestId: string | null };

/** What the upsert statement says about each input row. */
export type RowOutcome = {
  idx: number;
  /** The record's id; null only if another transaction's write is not yet visible (see upsert-records.ts). */
  id: string | null;
  /** The new version, when this statement inserted or updated the record; null when unchanged. */
  version: number | null;
  inserted: boolean | null;
  /** The version this statement's snapshot saw, if the record existed in it. */
  seen_version: number | null;
};

export type UpsertStatements = {
  /**
   * The whole write of a batch, in one statement. `rowsJson` is a JSON array of
   * `{ idx, id, event_id, hash, doc }`: the input index, the id and event id to use if the record
   * is new, the content hash, and the validated record.
   */
  upsert(rowsJson: string, context: StatementContext): SQL;
  /** Ids of records by key: `[{ source_system, external_id }]`. */
  lookup(keysJson: string, tenantId: string): SQL;
  /** Replaces all lines of the given records: `[{ p: parent id, l: lines }]`. */
  replaceLines: { name: string; statements(linesJson: string, tenantId: string): SQL[] }[];
};

const recordsetColumns = (columns: Column[]) =>
  columns.map((column) => `${quote(column.name)} ${COLUMN_TYPES[column.kind]}`).join(", ");
const names = (columns: Column[], alias = "") => columns.map((column) => `${alias}${quote(column.name)}`).join(", ");
const raw = (text: string): SQL => sql.raw(text);
const NOW = "date_trunc('milliseconds', now())";

/**
 * The SQL of one record type's upsert, built once from its contract. Everything happens in one
 * set-based statement over the batch, unpacked from a single JSON parameter:
 * - rows whose content hash matches the stored one are left alone (not even locked);
 * - the rest are inserted, or updated with version + 1 (ON CONFLICT … WHERE the hash differs);
 * - one event per inserted or updated record is appended to platform.events;
 * - the lines of changed records are upserted by position (identical lines are not rewritten)
 *   and lines past the new count are deleted. These touch disjoint rows, so they can share the
 *   statement; see upsert-records.ts for the one case that needs a second look.
 */
export function buildUpsertStatements(type: RecordType): UpsertStatements {
  const table = parentTable(type);
  const columns = columnsOf(type.fields);
  const eventType = `records.${type.name}.upserted`;
  const updates = [
    ...columns.map((column) => `${quote(column.name)} = excluded.${quote(column.name)}`),
    "attributes = excluded.attributes",
    "content_hash = excluded.content_hash",
  ];
  const lineStatements = Object.entries(type.children).map(([name, collection], index) => {
    const lineColumns = columnsOf(collection.fields);
    const target = childTable(type, name);
    const all = `${names(lineColumns)}, attributes`;
    return raw(`,
      lines_${index} as (
        insert into ${target} as c (tenant_id, parent_id, position, ${all})
        select ch.tenant_id, ch.id, (l.n - 1)::int, ${names(lineColumns, "r.")}, coalesce(r.attributes, '{}'::jsonb)
          from changed ch
          cross join lateral jsonb_array_elements(ch.doc -> '${name}') with ordinality as l(value, n)
          cross join lateral jsonb_to_record(l.value) as r(${recordsetColumns(lineColumns)}, attributes jsonb)
        on conflict (tenant_id, parent_id, position) do update
          set ${[...lineColumns.map((column) => `${quote(column.name)} = excluded.${quote(column.name)}`), "attributes = excluded.attributes"].join(", ")}
          where (${names(lineColumns, "c.")}, c.attributes) is distinct from (${names(lineColumns, "excluded.")}, excluded.attributes)
      ),
      trimmed_${index} as (
        delete from ${target} c using changed ch
         where not ch.inserted and c.tenant_id = ch.tenant_id and c.parent_id = ch.id
           and c.position >= jsonb_array_length(ch.doc -> '${name}')
      )`);
  });

  return {
    upsert: (rowsJson, context) => sql`
      with input as (
        select d.idx, d.id, d.event_id, d.hash, d.doc, r.*, s.id as seen_id, s.version as seen_version, s.content_hash as seen_hash
          from jsonb_to_recordset(${rowsJson}::jsonb) as d(idx int, id text, event_id text, hash text, doc jsonb)
          cross join lateral jsonb_to_record(d.doc) as r(source_system text, external_id text, ${raw(recordsetColumns(columns))}, attributes jsonb)
          left join ${raw(table)} s on s.tenant_id = ${context.tenantId} and s.source_system = r.source_system and s.external_id = r.external_id
      ),
      upserted as (
        insert into ${raw(table)} as t (tenant_id, id, source_system, external_id, ${raw(names(columns))}, attributes, content_hash)
        select ${context.tenantId}::text, i.id, i.source_system, i.external_id, ${raw(names(columns, "i."))}, coalesce(i.attributes, '{}'::jsonb), i.hash
          from input i
         where i.seen_hash is distinct from i.hash
         -- Rows are locked in key order, so batches that overlap cannot deadlock.
         order by i.source_system, i.external_id
        on conflict (tenant_id, source_system, external_id) do update
          set ${raw(updates.join(", "))}, version = t.version + 1, updated_at = ${raw(NOW)}
          where t.content_hash <> excluded.content_hash
        returning t.tenant_id, t.id, t.source_system, t.external_id, t.version, (t.xmax = 0) as inserted, t.created_at, t.updated_at
      ),
      changed as (
        select u.*, i.idx, i.doc, i.event_id
          from upserted u join input i on i.source_system = u.source_system and i.external_id = u.external_id
      ),
      events as (
        insert into platform.events (id, tenant_id, type, subject_type, subject_id, payload, actor, request_id)
        select ch.event_id, ch.tenant_id, ${eventType}::text, ${type.name}::text, ch.id,
               ch.doc || jsonb_build_object(
                 'id', ch.id, 'version', ch.version,
                 'change', case when ch.inserted then 'inserted' else 'updated' end,
                 'created_at', ${raw(isoTimestamp("ch.created_at"))}, 'updated_at', ${raw(isoTimestamp("ch.updated_at"))}),
               ${context.actor}::text, ${context.requestId}::text
          from changed ch
         order by ch.idx
      )${sql.join(lineStatements, sql``)}
      select i.idx, coalesce(u.id, i.seen_id) as id, u.version, u.inserted, i.seen_version
        from input i
        left join upserted u on u.source_system = i.source_system and u.external_id = i.external_id
       order by i.idx`,

    lookup: (keysJson, tenantId) => sql`
      select t.id, t.source_system, t.external_id
        from jsonb_to_recordset(${keysJson}::jsonb) as k(source_system text, external_id text)
        join ${raw(table)} t on t.tenant_id = ${tenantId} and t.source_system = k.source_system and t.external_id = k.external_id`,

    replaceLines: Object.entries(type.children).map(([name, collection]) => {
      const lineColumns = columnsOf(collection.fields);
      const target = raw(childTable(type, name));
      return {
        name,
        statements: (linesJson, tenantId) => [
          sql`delete from ${target}
               where tenant_id = ${tenantId} and parent_id in (select x.p from jsonb_to_recordset(${linesJson}::jsonb) as x(p text))`,
          sql`insert into ${target} (tenant_id, parent_id, position, ${raw(names(lineColumns))}, attributes)
              select ${tenantId}::text, x.p, (l.n - 1)::int, ${raw(names(lineColumns, "r."))}, coalesce(r.attributes, '{}'::jsonb)
                from jsonb_to_recordset(${linesJson}::jsonb) as x(p text, l jsonb)
                cross join lateral jsonb_array_elements(x.l) with ordinality as l(value, n)
                cross join lateral jsonb_to_record(l.value) as r(${raw(recordsetColumns(lineColumns))}, attributes jsonb)`,
        ],
      };
    }),
  };
}
