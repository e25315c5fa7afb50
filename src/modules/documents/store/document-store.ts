import { sql } from "drizzle-orm";
import type { Database, Tx } from "../../../platform/db/database.ts";
import { iso, isoOrNull } from "../../../platform/db/db-values.ts";
import { rows, withTenant } from "../../../platform/db/tenant-scope.ts";
import { notFound } from "../../../platform/errors.ts";
import type { DocumentKind } from "../classify/document-kinds.ts";
import type {
  DocumentDetail,
  DocumentQuery,
  DocumentStatus,
  DocumentSummary,
  Extraction,
  FieldValue,
  FileChannel,
  PageWords,
  Route,
} from "../contract/documents.ts";
import { type DocumentCheck, requiredFields } from "../extract/read-document.ts";
import type { PageText } from "../text/page-text.ts";
import type { RecordMatches } from "../validate/tolerances.ts";

/** A document as stored: what was read from its pages and where it went. */
export type StoredDocument = {
  id: string;
  fileId: string;
  firstPage: number;
  lastPage: number;
  kind: DocumentKind;
  kindConfidence: number;
  classification: DocumentDetail["classification"];
  fields: Record<string, FieldValue>;
  lines: { fields: Record<string, FieldValue> }[];
  checks: DocumentCheck[];
  status: DocumentStatus;
  reasons: string[];
  senderName: string | null;
  senderKey: string | null;
  documentNumber: string | null;
  duplicateOf: string | null;
  matches: RecordMatches | null;
  route: Route | null;
  extraction: Extraction | null;
};

type DocumentRow = {
  id: string;
  file_id: string;
  file_name: string;
  channel: FileChannel;
  first_page: number;
  last_page: number;
  kind: DocumentKind;
  kind_confidence: number;
  classification: DocumentDetail["classification"];
  fields: Record<string, FieldValue>;
  lines: { fields: Record<string, FieldValue> }[];
  checks: DocumentCheck[];
  status: DocumentStatus;
  reasons: string[];
  sender_name: string | null;
  sender_key: string | null;
  document_number: string | null;
  duplicate_of: string | null;
  route: Route | null;
  matches: RecordMatches | null;
  extraction: Extraction | null;
  run_id: string | null;
  review: DocumentDetail["review"];
  reviewed_by: string | null;
  reviewed_at: string | null;
  created_at: string;
};

/** Read by the layout rules: every document before a tenant chose a model, and every one after it chose none. */
const RULES: Extraction = { engine: "rules", provider: null, model: null, call_id: null, note: null };

const SELECT = sql`select d.*, f.name as file_name, f.channel from documents.documents d join documents.files f on f.id = d.file_id`;

function summaryOf(row: DocumentRow): DocumentSummary {
  return {
    id: row.id,
    file_id: row.file_id,
    file_name: row.file_name,
    channel: row.channel,
    first_page: row.first_page,
    last_page: row.last_page,
    kind: row.kind,
    kind_confidence: Number(row.kind_confidence),
    status: row.status,
    reasons: row.reasons,
    sender_name: row.sender_name,
    document_number: row.document_number,
    duplicate_of: row.duplicate_of,
    total: row.fields.total?.value ?? null,
    checks_failed: row.checks.filter((check) => !check.passed).length,
    created_at: iso(row.created_at),
    reviewed_at: isoOrNull(row.reviewed_at),
  };
}

export async function insertDocument(tx: Tx, tenantId: string, document: StoredDocument, now: Date): Promise<void> {
  await tx.execute(sql`
    insert into documents.documents (tenant_id, id, file_id, first_page, last_page, kind, kind_confidence, classification,
      fields, lines, checks, status, reasons, sender_name, sender_key, document_number, duplicate_of, matches, route, extraction,
      created_at)
    values (${tenantId}, ${document.id}, ${document.fileId}, ${document.firstPage}, ${document.lastPage}, ${document.kind},
      ${document.kindConfidence}, ${JSON.stringify(document.classification)}::jsonb, ${JSON.stringify(document.fields)}::jsonb,
      ${JSON.stringify(document.lines)}::jsonb, ${JSON.stringify(document.checks)}::jsonb, ${document.status},
      ${JSON.stringify(document.reasons)}::jsonb, ${document.senderName}, ${document.senderKey}, ${document.documentNumber},
      ${document.duplicateOf}, ${document.matches ? JSON.stringify(document.matches) : null}::jsonb,
      ${document.route ? JSON.stringify(document.route) : null}::jsonb,
      ${document.extraction ? JSON.stringify(document.extraction) : null}::jsonb, ${now.toISOString()})`);
}

/** The earliest other document of this kind, sender and number: the one a new one would duplicate. */
export async function findSameNumber(
  tx: Tx,
  match: { kind: DocumentKind; senderKey: string; documentNumber: string; fileId: string },
): Promise<{ id: string; file_id: string } | undefined> {
  // Two files read at once with the same document in them: the second waits for the first to commit, and sees it.
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`documents:${match.kind}:${match.senderKey}:${match.documentNumber}`}))`,
  );
  const [found] = await rows<{ id: string; file_id: string }>(
    tx,
    sql`select id, file_id from documents.documents
         where kind = ${match.kind} and sender_key = ${match.senderKey} and document_number = ${match.documentNumber}
           and file_id <> ${match.fileId} and status <> 'rejected'
         order by created_at, id limit 1`,
  );
  return found;
}

export async function listDocuments(db: Database, tenantId: string, query: DocumentQuery): Promise<DocumentSummary[]> {
  const sender = query.sender ? `%${query.sender.toLowerCase().replace(/[%_\\]/g, "\\$&")}%` : null;
  // The review queue is worked oldest first, in the order the files came in (files are read several
  // at once, so their documents are made in any order), a file's documents in page order; the rest
  // newest first.
  const order = query.status === "review" ? sql`f.received_at, f.id, d.first_page` : sql`d.id desc`;
  const after =
    query.after === undefined
      ? sql`true`
      : query.status === "review"
        ? sql`(f.received_at, f.id, d.first_page) > (select f2.received_at, f2.id, d2.first_page
               from documents.documents d2 join documents.files f2 on f2.id = d2.file_id where d2.id = ${query.after})`
        : sql`d.id < ${query.after}`;
  const found = await withTenant(db, tenantId, (tx) =>
    rows<DocumentRow>(
      tx,
      sql`${SELECT}
           where (${query.status ?? null}::text is null or d.status = ${query.status ?? null})
             and (${query.kind ?? null}::text is null or d.kind = ${query.kind ?? null})
             and (${query.file_id ?? null}::text is null or d.file_id = ${query.file_id ?? null})
             and (${sender}::text is null or lower(d.sender_name) like ${sender})
             and ${after}
           order by ${order} limit ${query.limit}`,
    ),
  );
  return found.map(summaryOf);
}

export async function getDocument(db: Database, tenantId: string, id: string): Promise<DocumentDetail> {
  return withTenant(db, tenantId, (tx) => documentIn(tx, id));
}

/** A document whole, with the text of its pages, inside the caller's transaction. */
export async function documentIn(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<DocumentDetail> {
  const [row] = await rows<DocumentRow>(
    tx,
    sql`${SELECT} where d.id = ${id} ${options.forUpdate ? sql`for update of d` : sql``}`,
  );
  if (!row) throw notFound("Document", id);
  const pages = await rows<DocumentDetail["pages"][number]>(
    tx,
    sql`select page, width, height, unit, engine, confidence, text from documents.pages
         where file_id = ${row.file_id} and page between ${row.first_page} and ${row.last_page} order by page`,
  );
  return {
    ...summaryOf(row),
    classification: row.classification,
    fields: row.fields,
    lines: row.lines,
    checks: row.checks,
    route: row.route,
    matches: row.matches,
    required_fields: requiredFields(row.kind),
    run_id: row.run_id,
    review: row.review,
    reviewed_by: row.reviewed_by,
    extraction: row.extraction ?? RULES,
    pages,
  };
}

/** A page's words with their boxes, for showing where a value was read. */
export async function pageWords(db: Database, tenantId: string, documentId: string, page: number): Promise<PageWords> {
  const [found] = await withTenant(db, tenantId, (tx) =>
    rows<PageWords>(
      tx,
      sql`select p.width, p.height, p.unit, p.words from documents.documents d
            join documents.pages p on p.file_id = d.file_id and p.page = ${page}
           where d.id = ${documentId} and ${page} between d.first_page and d.last_page`,
    ),
  );
  if (!found) throw notFound("Page", `${page} of document ${documentId}`);
  return found;
}

export async function recordReview(
  tx: Tx,
  id: string,
  outcome: {
    status: DocumentStatus;
    kind: DocumentKind;
    fields: Record<string, FieldValue>;
    lines: { fields: Record<string, FieldValue> }[];
    checks: DocumentCheck[];
    route: Route | null;
    review: NonNullable<DocumentDetail["review"]>;
    reviewedBy: string;
    documentNumber: string | null;
  },
  now: Date,
): Promise<void> {
  await tx.execute(sql`
    update documents.documents
       set status = ${outcome.status}, kind = ${outcome.kind}, fields = ${JSON.stringify(outcome.fields)}::jsonb,
           lines = ${JSON.stringify(outcome.lines)}::jsonb, checks = ${JSON.stringify(outcome.checks)}::jsonb,
           route = ${outcome.route ? JSON.stringify(outcome.route) : null}::jsonb, review = ${JSON.stringify(outcome.review)}::jsonb,
           reviewed_by = ${outcome.reviewedBy}, reviewed_at = ${now.toISOString()}, document_number = ${outcome.documentNumber}
     where id = ${id}`);
}

/** A document's pages with their words, as read (what a template learns from). */
export async function documentPages(tx: Tx, id: string): Promise<PageText[]> {
  return rows<PageText>(
    tx,
    sql`select p.page, p.width, p.height, p.unit, p.engine, p.confidence, p.text, p.words
          from documents.documents d join documents.pages p on p.file_id = d.file_id and p.page between d.first_page and d.last_page
         where d.id = ${id} order by p.page`,
  );
}

/** Records the workflow run a document's route started (once: a repeat keeps the first). */
export async function attachRun(tx: Tx, id: string, runId: string): Promise<boolean> {
  const updated = await rows<{ id: string }>(
    tx,
    sql`update documents.documents set run_id = ${runId} where id = ${id} and run_id is null returning id`,
  );
  return updated.length > 0;
}

/** Who sent the file a document is in (an email's From), if anyone said. */
export async function fileSenderOf(tx: Tx, id: string): Promise<string | null> {
  const [found] = await rows<{ sender: string | null }>(
    tx,
    sql`select f.sender from documents.documents d join documents.files f on f.id = d.file_id where d.id = ${id}`,
  );
  return found?.sender ?? null;
}
