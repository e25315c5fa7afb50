import { createHash } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import type { WriteContext } from "../../../platform/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { rows, withTenant } from "../../../platform/db/tenant-scope.ts";
import { AppError, notFound } from "../../../platform/errors.ts";
import { newId } from "../../../platform/ids.ts";
import { appendAudit } from "../../governance/index.ts";
import type {
  FileImport,
  FileImportProblem,
  FileImportQuery,
  FileImportReport,
  ProducedRecord,
  QuarantineReason,
} from "../contract/index.ts";
import { iso, isoOrNull } from "../db-values.ts";

export type ImportRow = {
  id: string;
  tenant_id: string;
  source_id: string;
  file_name: string;
  sha256: string;
  size: string | number;
  origin: FileImport["origin"];
  status: FileImport["status"];
  attempts: number;
  reruns: number;
  lease_owner: string | null;
  checkpoint_line: string | number;
  rows_read: string | number;
  inserted: string | number;
  updated: string | number;
  unchanged: string | number;
  rejected: string | number;
  skipped: string | number;
  problems: FileImportProblem[];
  problems_omitted: string | number;
  error: { message: string; line: number | null } | null;
  duplicates: number;
  detected_at: string;
  started_at: string | null;
  finished_at: string | null;
  moved_to: string | null;
  moved_at: string | null;
  report: FileImportReport | null;
};

/** The first problems an import keeps (with their lines); the rest are counted, and all are in quarantine. */
export const PROBLEMS_KEPT = 100;

export class LeaseLostError extends Error {
  constructor(importId: string) {
    super(`the lease on file import ${importId} was lost: another process took it over`);
    this.name = "LeaseLostError";
  }
}

/** PostgreSQL's text and jsonb hold no NUL character: one read from a file is kept as U+FFFD. */
export function withoutNul<T>(value: T): T {
  if (typeof value === "string") return (value.includes("\u0000") ? value.replaceAll("\u0000", "\uFFFD") : value) as T;
  if (Array.isArray(value)) return value.map(withoutNul) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [withoutNul(key), withoutNul(inner)])) as T;
  }
  return value;
}

export function toFileImport(row: ImportRow): FileImport {
  return {
    id: row.id,
    drop_id: row.source_id,
    file_name: row.file_name,
    sha256: row.sha256,
    size: Number(row.size),
    origin: row.origin,
    status: row.status,
    attempts: row.attempts,
    rows: Number(row.rows_read),
    inserted: Number(row.inserted),
    updated: Number(row.updated),
    unchanged: Number(row.unchanged),
    rejected: Number(row.rejected),
    skipped: Number(row.skipped),
    duplicates: row.duplicates,
    detected_at: iso(row.detected_at),
    started_at: isoOrNull(row.started_at),
    finished_at: isoOrNull(row.finished_at),
    moved_to: row.moved_to,
    report: row.report,
  };
}

const one = async (db: Database, tenantId: string, statement: SQL) =>
  (await withTenant(db, tenantId, (tx) => rows<ImportRow>(tx, statement)))[0];

export function findImport(db: Database, tenantId: string, sourceId: string, sha256: string) {
  return one(db, tenantId, sql`select * from ingest.file_imports where source_id = ${sourceId} and sha256 = ${sha256}`);
}

/** The import of this content in this drop: made now (pending), or the one made before. */
export async function registerImport(
  db: Database,
  tenantId: string,
  file: { sourceId: string; fileName: string; sha256: string; size: number; origin: FileImport["origin"]; now: Date },
): Promise<{ row: ImportRow; created: boolean }> {
  return withTenant(db, tenantId, async (tx) => {
    const [created] = await rows<ImportRow>(
      tx,
      sql`insert into ingest.file_imports (tenant_id, id, source_id, file_name, sha256, size, origin, status, detected_at)
          values (${tenantId}, ${newId("fimp")}, ${file.sourceId}, ${file.fileName}, ${file.sha256}, ${file.size}, ${file.origin},
                  'pending', ${file.now.toISOString()})
          on conflict (source_id, sha256) do nothing returning *`,
    );
    if (created) return { row: created, created: true };
    const [found] = await rows<ImportRow>(
      tx,
      sql`select * from ingest.file_imports where source_id = ${file.sourceId} and sha256 = ${file.sha256}`,
    );
    if (!found) throw new Error(`the import of ${file.sha256} was neither stored nor found`);
    return { row: found, created: false };
  });
}

/**
 * Takes an import to run it: pending, or running under a lease that ran out (its process died).
 * Undefined when another process holds it, or it is done.
 */
export function claimImport(db: Database, tenantId: string, id: string, owner: string, now: Date, leaseMs: number) {
  return one(
    db,
    tenantId,
    sql`update ingest.file_imports
           set status = 'running', attempts = attempts + 1, lease_owner = ${owner},
               leased_until = ${new Date(now.getTime() + leaseMs).toISOString()},
               started_at = coalesce(started_at, ${now.toISOString()})
         where id = ${id} and status in ('pending', 'running') and (leased_until is null or leased_until < ${now.toISOString()})
         returning *`,
  );
}

export async function extendLease(db: Database, tenantId: string, id: string, owner: string, until: Date): Promise<boolean> {
  const row = await one(
    db,
    tenantId,
    sql`update ingest.file_imports set leased_until = ${until.toISOString()}
         where id = ${id} and lease_owner = ${owner} and status = 'running' returning *`,
  );
  return row !== undefined;
}

/** Lets an import go without finishing it (the process is stopping): the next process resumes it at once. */
export async function releaseLease(db: Database, tenantId: string, id: string, owner: string): Promise<void> {
  await withTenant(db, tenantId, (tx) =>
    tx.execute(
      sql`update ingest.file_imports set leased_until = null where id = ${id} and lease_owner = ${owner} and status = 'running'`,
    ),
  );
}

/** A row that was not written, to keep in quarantine. */
export type BadRow = { line: number; stage: FileImportProblem["stage"]; reason: QuarantineReason; body: string };

export type ChunkCommit = {
  importId: string;
  sourceId: string;
  sha256: string;
  owner: string;
  /** The last line the chunk covers: a resumed run starts after it. */
  lastLine: number;
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
  bad: BadRow[];
  /** How many problems the import keeps still (PROBLEMS_KEPT less those kept by earlier chunks). */
  problemRoom: number;
  leaseUntil: Date;
  now: Date;
  /** On a re-run: lines written now whose rows an earlier run quarantined, with what they wrote. */
  written?: { line: number; produced: ProducedRecord[] }[];
};

export const deliveryIdOf = (sha256: string, line: number) => `${sha256}:${line}`;

/**
 * Commits what a chunk of the file made, in one transaction: its bad rows as quarantined receipts of
 * the drop's source (delivery id `<sha256>:<line>`, so a chunk done again adds none twice), the
 * counts, the first problems, and the checkpoint. Only while this process holds the lease.
 * Returns how many problems it kept.
 */
export async function commitChunk(db: Database, tenantId: string, chunk: ChunkCommit): Promise<number> {
  return withTenant(db, tenantId, async (tx) => {
    const receiptIds = new Map<string, string>();
    if (chunk.bad.length > 0) {
      const list = chunk.bad.map((bad) => {
        const body = Buffer.from(bad.body, "utf8");
        return {
          id: newId("rcv"),
          delivery_id: deliveryIdOf(chunk.sha256, bad.line),
          body: body.toString("hex"),
          sha: createHash("sha256").update(body).digest("hex"),
          reason: withoutNul(bad.reason),
        };
      });
      const stored = await rows<{ delivery_id: string; id: string }>(
        tx,
        sql`with o as (select * from jsonb_to_recordset(${JSON.stringify(list)}::jsonb)
                         as o (id text, delivery_id text, body text, sha text, reason jsonb)),
                 ins as (insert into ingest.receipts (tenant_id, id, source_id, delivery_id, received_at, content_type, body,
                                                      body_sha256, status, attempts, reason)
                         select ${tenantId}, o.id, ${chunk.sourceId}, o.delivery_id, ${chunk.now.toISOString()}, 'application/json',
                                decode(o.body, 'hex'), o.sha, 'quarantined', 0, o.reason from o
                         on conflict (source_id, delivery_id) do nothing returning id, delivery_id)
            select o.delivery_id, coalesce(ins.id, r.id) as id
              from o left join ins on ins.delivery_id = o.delivery_id
                     left join ingest.receipts r on ins.id is null and r.source_id = ${chunk.sourceId} and r.delivery_id = o.delivery_id`,
      );
      for (const row of stored) receiptIds.set(row.delivery_id, row.id);
    }
    if (chunk.written && chunk.written.length > 0) {
      const list = chunk.written.map((row) => ({ delivery_id: deliveryIdOf(chunk.sha256, row.line), produced: row.produced }));
      await tx.execute(sql`
        update ingest.receipts r set status = 'processed', reason = null, produced = o.produced, leased_until = null,
               processed_at = ${chunk.now.toISOString()}
          from jsonb_to_recordset(${JSON.stringify(list)}::jsonb) as o (delivery_id text, produced jsonb)
         where r.source_id = ${chunk.sourceId} and r.delivery_id = o.delivery_id and r.status = 'quarantined'`);
    }
    const problems: FileImportProblem[] = [];
    let omitted = 0;
    for (const bad of chunk.bad) {
      const receiptId = receiptIds.get(deliveryIdOf(chunk.sha256, bad.line)) ?? null;
      const each = bad.reason.problems.length > 0 ? bad.reason.problems : [{ path: "", message: bad.reason.message }];
      for (const problem of each) {
        if (problems.length < chunk.problemRoom) {
          problems.push({
            line: bad.line,
            stage: bad.stage,
            path: problem.path,
            message: problem.message,
            receipt_id: receiptId,
          });
        } else omitted++;
      }
    }
    const [updated] = await rows<{ id: string }>(
      tx,
      sql`update ingest.file_imports
             set checkpoint_line = ${chunk.lastLine}, rows_read = rows_read + ${chunk.rowsRead},
                 inserted = inserted + ${chunk.inserted}, updated = updated + ${chunk.updated},
                 unchanged = unchanged + ${chunk.unchanged}, rejected = rejected + ${chunk.bad.length},
                 skipped = skipped + ${chunk.skipped},
                 problems = problems || ${JSON.stringify(withoutNul(problems))}::jsonb, problems_omitted = problems_omitted + ${omitted},
                 leased_until = ${chunk.leaseUntil.toISOString()}
           where id = ${chunk.importId} and lease_owner = ${chunk.owner} and status = 'running'
           returning id`,
    );
    if (!updated) throw new LeaseLostError(chunk.importId);
    return problems.length;
  });
}

export type Finish = {
  status: "processed" | "failed";
  error: { message: string; line: number | null } | null;
  /** Where the file goes, relative to the drop's folder. */
  movedTo: string;
  now: Date;
};

/** Ends an import (only by the process holding it) and keeps its report. */
export async function finishImport(
  db: Database,
  tenantId: string,
  importId: string,
  owner: string,
  finish: Finish,
  report: (row: ImportRow) => FileImportReport,
): Promise<ImportRow> {
  return withTenant(db, tenantId, async (tx) => {
    const [row] = await rows<ImportRow>(
      tx,
      sql`update ingest.file_imports
             set status = ${finish.status}, error = ${finish.error ? JSON.stringify(withoutNul(finish.error)) : null}::jsonb,
                 finished_at = ${finish.now.toISOString()}, moved_to = ${finish.movedTo}, lease_owner = null, leased_until = null
           where id = ${importId} and lease_owner = ${owner} and status = 'running' returning *`,
    );
    if (!row) throw new LeaseLostError(importId);
    const made = withoutNul(report(row));
    await tx.execute(sql`update ingest.file_imports set report = ${JSON.stringify(made)}::jsonb where id = ${importId}`);
    return { ...row, report: made };
  });
}

export async function markMoved(db: Database, tenantId: string, importId: string, now: Date): Promise<void> {
  await withTenant(db, tenantId, (tx) =>
    tx.execute(sql`update ingest.file_imports set moved_at = ${now.toISOString()} where id = ${importId} and moved_at is null`),
  );
}

export async function countDuplicate(db: Database, tenantId: string, importId: string): Promise<void> {
  await withTenant(db, tenantId, (tx) =>
    tx.execute(sql`update ingest.file_imports set duplicates = duplicates + 1 where id = ${importId}`),
  );
}

/**
 * A failed import made pending again, to run from its first line (a person fixed the mapping, or the
 * same content was dropped again). `moved_to` is where its file was; the caller puts it back.
 */
export async function resetImport(
  db: Database,
  ctx: WriteContext | undefined,
  tenantId: string,
  importId: string,
): Promise<ImportRow> {
  return withTenant(db, tenantId, async (tx) => {
    const [row] = await rows<ImportRow>(
      tx,
      sql`update ingest.file_imports
             set status = 'pending', attempts = 0, reruns = reruns + 1, lease_owner = null, leased_until = null,
                 checkpoint_line = 0, rows_read = 0, inserted = 0, updated = 0, unchanged = 0, rejected = 0, skipped = 0,
                 problems = '[]', problems_omitted = 0, error = null, started_at = null, finished_at = null,
                 moved_at = null, report = null
           where id = ${importId} and status = 'failed'
           returning *`,
    );
    if (!row) {
      const [current] = await rows<{ status: string }>(tx, sql`select status from ingest.file_imports where id = ${importId}`);
      if (!current) throw notFound("File import", importId);
      throw new AppError("conflict", `File import ${importId} is ${current.status}: only a failed import is run again`);
    }
    if (ctx) {
      await appendAudit(tx, {
        ...ctx,
        action: "ingest.file_import.rerun",
        resourceType: "ingest_file_import",
        resourceId: importId,
        data: { file_name: row.file_name, sha256: row.sha256, drop_id: row.source_id },
      });
    }
    return row;
  });
}

export async function listImports(
  db: Database,
  tenantId: string,
  query: FileImportQuery,
): Promise<{ data: FileImport[]; next_cursor: string | null }> {
  const where: SQL[] = [sql`true`];
  if (query.drop) {
    where.push(
      sql`i.source_id = (select id from ingest.sources where (id = ${query.drop} or name = ${query.drop}) and kind = 'file_drop')`,
    );
  }
  if (query.status) where.push(sql`i.status = ${query.status}`);
  if (query.cursor) {
    if (!/^fimp_[0-9a-z]{26}$/.test(query.cursor)) throw new AppError("bad_request", "The cursor is not one this list gave");
    where.push(sql`i.id < ${query.cursor}`);
  }
  const found = await withTenant(db, tenantId, (tx) =>
    rows<ImportRow>(
      tx,
      sql`select i.* from ingest.file_imports i where ${sql.join(where, sql` and `)} order by i.id desc limit ${query.limit + 1}`,
    ),
  );
  const page = found.slice(0, query.limit).map(toFileImport);
  return { data: page, next_cursor: found.length > query.limit ? (page.at(-1)?.id ?? null) : null };
}

export async function getImportRow(db: Database, tenantId: string, importId: string): Promise<ImportRow> {
  const row = await one(db, tenantId, sql`select * from ingest.file_imports where id = ${importId}`);
  if (!row) throw notFound("File import", importId);
  return row;
}
