import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { WriteContext } from "../../../platform/actor.ts";
import type { Database, Tx } from "../../../platform/db/database.ts";
import { iso, isoOrNull } from "../../../platform/db/db-values.ts";
import { rows, withSystem, withTenant } from "../../../platform/db/tenant-scope.ts";
import { notFound } from "../../../platform/errors.ts";
import { newId } from "../../../platform/ids.ts";
import { appendAudit } from "../../governance/index.ts";
import type { FileChannel, FileQuery, StoredFile } from "../contract/documents.ts";
import type { PageText } from "../text/page-text.ts";

export type FileRow = {
  tenant_id: string;
  id: string;
  name: string;
  type: string;
  size: string | number;
  sha256: string;
  channel: FileChannel;
  sender: string | null;
  parent_id: string | null;
  status: StoredFile["status"];
  reason: string | null;
  reason_detail: string | null;
  attempts: number;
  received_at: string;
  read_at: string | null;
  handed_over?: string | null;
  document_ids?: string[] | null;
  children?: string[] | null;
};

/** A file to store: its bytes, what they are, and where they came from. */
export type IncomingFile = {
  name: string;
  type: string;
  bytes: Uint8Array;
  channel: FileChannel;
  sender?: string | null;
  parentId?: string | null;
};

const COLUMNS = sql`f.tenant_id, f.id, f.name, f.type, f.size, f.sha256, f.channel, f.sender, f.parent_id, f.status,
  f.reason, f.reason_detail, f.attempts, f.received_at, f.read_at, f.handed_over,
  array(select d.id from documents.documents d where d.file_id = f.id order by d.first_page) as document_ids,
  array(select c.id from documents.files c where c.parent_id = f.id order by c.received_at, c.id) as children`;

export function fileOf(row: FileRow): StoredFile {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    size: Number(row.size),
    sha256: row.sha256,
    channel: row.channel,
    sender: row.sender,
    parent_id: row.parent_id,
    status: row.status,
    reason: row.reason,
    reason_detail: row.reason_detail,
    attempts: row.attempts,
    received_at: iso(row.received_at),
    read_at: isoOrNull(row.read_at),
    handed_over: row.handed_over ?? null,
    document_ids: row.document_ids ?? [],
    children: row.children ?? [],
  };
}

export const sha256Of = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/**
 * Stores a file, pending reading, unless the same bytes came in before: then the earlier file is
 * returned with `duplicate` and nothing is stored. Inside the caller's transaction.
 */
export async function insertFile(
  tx: Tx,
  ctx: WriteContext,
  file: IncomingFile,
  now: Date,
): Promise<{ row: FileRow; duplicate: boolean }> {
  const sha256 = sha256Of(file.bytes);
  const id = newId("dfl");
  const [inserted] = await rows<{ id: string }>(
    tx,
    sql`insert into documents.files (tenant_id, id, name, type, size, sha256, bytes, channel, sender, parent_id, status, received_at)
        values (${ctx.tenantId}, ${id}, ${file.name}, ${file.type}, ${file.bytes.length}, ${sha256}, ${Buffer.from(file.bytes)},
                ${file.channel}, ${file.sender ?? null}, ${file.parentId ?? null}, 'pending', ${now.toISOString()})
        on conflict (tenant_id, sha256) do nothing
        returning id`,
  );
  if (inserted) {
    await appendAudit(tx, {
      ...ctx,
      action: "document_file.received",
      resourceType: "document_file",
      resourceId: id,
      data: {
        name: file.name,
        type: file.type,
        size: file.bytes.length,
        sha256,
        channel: file.channel,
        sender: file.sender ?? null,
      },
    });
  }
  const [row] = await rows<FileRow>(tx, sql`select ${COLUMNS} from documents.files f where f.sha256 = ${sha256}`);
  if (!row) throw new Error(`the file with SHA-256 ${sha256} was neither stored nor found`);
  return { row, duplicate: !inserted };
}

export async function getFile(db: Database, tenantId: string, id: string): Promise<StoredFile> {
  const [row] = await withTenant(db, tenantId, (tx) =>
    rows<FileRow>(tx, sql`select ${COLUMNS} from documents.files f where f.id = ${id}`),
  );
  if (!row) throw notFound("File", id);
  return fileOf(row);
}

export async function fileBytes(
  db: Database,
  tenantId: string,
  id: string,
): Promise<{ name: string; type: string; bytes: Buffer }> {
  const [row] = await withTenant(db, tenantId, (tx) =>
    rows<{ name: string; type: string; bytes: Buffer }>(tx, sql`select name, type, bytes from documents.files where id = ${id}`),
  );
  if (!row) throw notFound("File", id);
  return row;
}

export async function listFiles(db: Database, tenantId: string, query: FileQuery): Promise<StoredFile[]> {
  const found = await withTenant(db, tenantId, (tx) =>
    rows<FileRow>(
      tx,
      sql`select ${COLUMNS} from documents.files f
           where (${query.status ?? null}::text is null or f.status = ${query.status ?? null})
             and (${query.after ?? null}::text is null or f.id < ${query.after ?? null})
           order by f.id desc limit ${query.limit}`,
    ),
  );
  return found.map(fileOf);
}

/** A file taken to be read, with its bytes. */
export type ClaimedFile = FileRow & { bytes: Buffer };

/**
 * Takes the oldest file waiting to be read, of any tenant: pending, or being read under a lease
 * that ran out (its process died). Undefined when none waits.
 */
export async function claimNextFile(db: Database, owner: string, now: Date, leaseMs: number): Promise<ClaimedFile | undefined> {
  const [row] = await withSystem(db, (tx) =>
    rows<ClaimedFile>(
      tx,
      sql`update documents.files f
             set status = 'reading', attempts = attempts + 1, lease_owner = ${owner},
                 leased_until = ${new Date(now.getTime() + leaseMs).toISOString()}
           where f.id = (select id from documents.files
                          where status in ('pending', 'reading') and (leased_until is null or leased_until < ${now.toISOString()})
                          order by received_at, id limit 1 for update skip locked)
       returning f.tenant_id, f.id, f.name, f.type, f.size, f.sha256, f.channel, f.sender, f.parent_id, f.status, f.reason,
                 f.reason_detail, f.attempts, f.received_at, f.read_at, f.bytes`,
    ),
  );
  return row;
}

/** Records a file's pages as read, inside the caller's transaction. */
export async function insertPages(tx: Tx, tenantId: string, fileId: string, pages: PageText[]): Promise<void> {
  if (pages.length === 0) return;
  const records = pages.map((page) => ({
    tenant_id: tenantId,
    file_id: fileId,
    page: page.page,
    width: page.width,
    height: page.height,
    unit: page.unit,
    engine: page.engine,
    confidence: page.confidence,
    // PostgreSQL's text holds no NUL.
    text: page.text.replaceAll("\u0000", "\uFFFD"),
    words: page.words.map((word) => ({ ...word, text: word.text.replaceAll("\u0000", "\uFFFD") })),
  }));
  await tx.execute(sql`
    insert into documents.pages (tenant_id, file_id, page, width, height, unit, engine, confidence, text, words)
    select tenant_id, file_id, page, width, height, unit, engine, confidence, text, words
      from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as p(
        tenant_id text, file_id text, page integer, width real, height real, unit text, engine text, confidence real,
        text text, words jsonb)
    on conflict (file_id, page) do update
      set width = excluded.width, height = excluded.height, unit = excluded.unit, engine = excluded.engine,
          confidence = excluded.confidence, text = excluded.text, words = excluded.words`);
}

/** Marks a claimed file read; false when its lease was lost to another process. */
export async function markRead(tx: Tx, id: string, owner: string, now: Date): Promise<boolean> {
  const updated = await rows<{ id: string }>(
    tx,
    sql`update documents.files set status = 'read', reason = null, reason_detail = null, lease_owner = null,
               leased_until = null, read_at = ${now.toISOString()}
         where id = ${id} and lease_owner = ${owner} returning id`,
  );
  return updated.length > 0;
}

/** Puts a claimed file in quarantine with the reason it could not be read; its bytes stay to be read again. */
export async function quarantineFile(
  db: Database,
  file: { tenant_id: string; id: string },
  owner: string,
  reason: string,
  detail: string,
  now: Date,
): Promise<void> {
  await withTenant(db, file.tenant_id, async (tx) => {
    const updated = await rows<{ id: string }>(
      tx,
      sql`update documents.files set status = 'quarantined', reason = ${reason}, reason_detail = ${detail},
                 lease_owner = null, leased_until = null, read_at = ${now.toISOString()}
           where id = ${file.id} and lease_owner = ${owner} returning id`,
    );
    if (updated.length === 0) return;
    await appendAudit(tx, {
      tenantId: file.tenant_id,
      actor: { type: "system", id: "documents" },
      action: "document_file.quarantined",
      resourceType: "document_file",
      resourceId: file.id,
      data: { reason, detail },
    });
  });
}

/** Puts a quarantined file back to be read again (after the cause was fixed: a tool installed, a limit raised). */
export async function requeueFile(db: Database, ctx: WriteContext, id: string): Promise<StoredFile> {
  return withTenant(db, ctx.tenantId, async (tx) => {
    const [row] = await rows<{ status: string }>(tx, sql`select status from documents.files where id = ${id} for update`);
    if (!row) throw notFound("File", id);
    if (row.status === "quarantined") {
      await tx.execute(
        sql`update documents.files set status = 'pending', leased_until = null, lease_owner = null where id = ${id}`,
      );
      await appendAudit(tx, {
        ...ctx,
        action: "document_file.retried",
        resourceType: "document_file",
        resourceId: id,
        data: {},
      });
    }
    const [after] = await rows<FileRow>(tx, sql`select ${COLUMNS} from documents.files f where f.id = ${id}`);
    return fileOf(after as FileRow);
  });
}

/** Holds a file's lease a while longer (a long scan being OCR'd); false when it was lost. */
export async function extendFileLease(db: Database, id: string, owner: string, until: Date): Promise<boolean> {
  const updated = await withSystem(db, (tx) =>
    rows<{ id: string }>(
      tx,
      sql`update documents.files set leased_until = ${until.toISOString()}
           where id = ${id} and lease_owner = ${owner} and status = 'reading' returning id`,
    ),
  );
  return updated.length > 0;
}

/** Notes where a file handed to another intake went (an EDI interchange: its ingest receipt). */
export async function markHandedOver(tx: Tx, id: string, reference: string): Promise<void> {
  await tx.execute(sql`update documents.files set handed_over = ${reference} where id = ${id}`);
}
