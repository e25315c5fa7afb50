import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import { rows, withTenant } from "../../../platform/db/tenant-scope.ts";
import { AppError, notFound } from "../../../platform/errors.ts";
import type { Receipt, ReceiptDetail, ReceiptQuery } from "../contract/index.ts";
import { bytes, iso, isoOrNull } from "../db-values.ts";

type ReceiptRow = {
  id: string;
  source_id: string;
  delivery_id: string;
  received_at: string;
  content_type: string | null;
  size: number;
  status: Receipt["status"];
  attempts: number;
  processed_at: string | null;
  reason: Receipt["reason"];
  produced: Receipt["produced"] | null;
  corrected: boolean;
};

const COLUMNS = sql.raw(`r.id, r.source_id, r.delivery_id, r.received_at, r.content_type, octet_length(r.body) as size, r.status,
  r.attempts, r.processed_at, r.reason, r.produced, r.corrected_body is not null as corrected`);

function toReceipt(row: ReceiptRow): Receipt {
  return {
    ...row,
    received_at: iso(row.received_at),
    processed_at: isoOrNull(row.processed_at),
    produced: row.produced ?? [],
  };
}

/** The tenant's receipts, newest first: by source (id or name), status, or a record they wrote. Keyset-paged by id. */
export async function listReceipts(
  db: Database,
  tenantId: string,
  query: ReceiptQuery,
): Promise<{ data: Receipt[]; next_cursor: string | null }> {
  const where: SQL[] = [sql`true`];
  if (query.source) {
    where.push(sql`r.source_id = (select id from ingest.sources where id = ${query.source} or name = ${query.source})`);
  }
  if (query.status) where.push(sql`r.status = ${query.status}`);
  if (query.record) where.push(sql`r.produced @> ${JSON.stringify([{ id: query.record }])}::jsonb`);
  if (query.cursor) {
    if (!/^rcv_[0-9a-z]{26}$/.test(query.cursor)) throw new AppError("bad_request", "The cursor is not one this list gave");
    where.push(sql`r.id < ${query.cursor}`);
  }
  const found = await withTenant(db, tenantId, (tx) =>
    rows<ReceiptRow>(
      tx,
      sql`select ${COLUMNS} from ingest.receipts r where ${sql.join(where, sql` and `)} order by r.id desc limit ${query.limit + 1}`,
    ),
  );
  const page = found.slice(0, query.limit).map(toReceipt);
  return { data: page, next_cursor: found.length > query.limit ? (page.at(-1)?.id ?? null) : null };
}

function asText(value: unknown): { text: string; encoding: "utf8" | "base64" } | null {
  if (value === null || value === undefined) return null;
  const body = bytes(value);
  const text = body.toString("utf8");
  return Buffer.from(text, "utf8").equals(body)
    ? { text, encoding: "utf8" }
    : { text: body.toString("base64"), encoding: "base64" };
}

export async function getReceipt(db: Database, tenantId: string, receiptId: string): Promise<ReceiptDetail> {
  const [row] = await withTenant(db, tenantId, (tx) =>
    rows<ReceiptRow & { body: Buffer; corrected_body: Buffer | null }>(
      tx,
      sql`select ${COLUMNS}, r.body, r.corrected_body from ingest.receipts r where r.id = ${receiptId}`,
    ),
  );
  if (!row) throw notFound("Receipt", receiptId);
  const body = asText(row.body) as { text: string; encoding: "utf8" | "base64" };
  const { body: _body, corrected_body, ...rest } = row;
  return {
    ...toReceipt(rest),
    body: body.text,
    body_encoding: body.encoding,
    corrected_body: asText(corrected_body)?.text ?? null,
  };
}
