import { sql } from "drizzle-orm";
import type { WriteContext } from "../../../../platform/actor.ts";
import type { Database } from "../../../../platform/db/database.ts";
import { readAsTenant, rows, withTenant } from "../../../../platform/db/tenant-scope.ts";
import { AppError, notFound } from "../../../../platform/errors.ts";
import { newId } from "../../../../platform/ids.ts";
import { appendAudit } from "../../../governance/index.ts";
import type { DocumentQuery, OutboundDocument, OutboundDocumentDetail, TradingPartner } from "../../contract/index.ts";
import { iso, isoOrNull } from "../../db-values.ts";

/** ISA13 and GS06 are at most nine digits; after the last, numbering starts again at 1. */
const MAX_CONTROL = 999_999_999;

type DocumentRow = {
  id: string;
  partner_id: string;
  transaction_set: OutboundDocument["transaction_set"];
  control_number: string | number;
  file_name: string;
  record_type: string | null;
  record_id: string | null;
  record_version: number | null;
  answers: OutboundDocument["answers"];
  warnings: string[];
  body?: string;
  delivery: "stored" | "pending" | "delivered" | "failed";
  delivered_to: string | null;
  delivery_error: string | null;
  delivered_at: string | null;
  ack_status: NonNullable<OutboundDocument["acknowledgment"]>["status"] | null;
  ack_receipt_id: string | null;
  acknowledged_at: string | null;
  created_at: string;
};

const COLUMNS = sql.raw(`id, partner_id, transaction_set, control_number, file_name, record_type, record_id, record_version,
  answers, warnings, delivery, delivered_to, delivery_error, delivered_at, ack_status, ack_receipt_id, acknowledged_at, created_at`);

export const controlText = (value: string | number) => String(value).padStart(9, "0");

function toDocument(row: DocumentRow): OutboundDocument {
  return {
    id: row.id,
    partner_id: row.partner_id,
    transaction_set: row.transaction_set,
    control_number: controlText(row.control_number),
    file_name: row.file_name,
    record:
      row.record_type && row.record_id ? { type: row.record_type, id: row.record_id, version: Number(row.record_version) } : null,
    answers: row.answers,
    delivery: { status: row.delivery, to: row.delivered_to, error: row.delivery_error, at: isoOrNull(row.delivered_at) },
    acknowledgment:
      row.ack_status && row.ack_receipt_id && row.acknowledged_at
        ? { status: row.ack_status, receipt_id: row.ack_receipt_id, at: iso(row.acknowledged_at) }
        : null,
    warnings: row.warnings ?? [],
    created_at: iso(row.created_at),
  };
}

const withBody = (row: DocumentRow): OutboundDocumentDetail => ({ ...toDocument(row), body: row.body ?? "" });

export type NewDocument = {
  set: OutboundDocument["transaction_set"];
  idempotencyKey: string;
  record?: { type: string; id: string; version: number };
  answers?: OutboundDocument["answers"];
  warnings?: string[];
  /** Who asked for it, for the audit trail (documents made by processing, the 997s, are not audited one by one). */
  audit?: WriteContext;
  /** The document under a control number. */
  render: (controlNumber: number) => string;
};

/**
 * Stores a document for a partner once per idempotency key: the one stored before for the key,
 * or a new one under the partner's next control number. The number is taken and the document
 * stored in one transaction (the counter row stays locked until it commits), so numbers are never
 * used twice and have no gaps. Delivery is `pending` when the partner has an outbox folder, else
 * `stored`.
 */
export async function storeDocument(
  db: Database,
  tenantId: string,
  partner: TradingPartner,
  document: NewDocument,
  now: Date,
): Promise<{ document: OutboundDocumentDetail; duplicate: boolean }> {
  return withTenant(db, tenantId, async (tx) => {
    const [existing] = await rows<DocumentRow>(
      tx,
      sql`select ${COLUMNS}, body from ingest.edi_documents where partner_id = ${partner.id} and idempotency_key = ${document.idempotencyKey}`,
    );
    if (existing) return { document: withBody(existing), duplicate: true };
    const [counter] = await rows<{ last_value: string }>(
      tx,
      sql`insert into ingest.edi_control_numbers (tenant_id, partner_id, last_value) values (${tenantId}, ${partner.id}, 1)
          on conflict (partner_id) do update
             set last_value = case when ingest.edi_control_numbers.last_value >= ${MAX_CONTROL} then 1
                                   else ingest.edi_control_numbers.last_value + 1 end
          returning last_value`,
    );
    const controlNumber = Number(counter?.last_value);
    const body = document.render(controlNumber);
    const fileName = `${partner.name}-${document.set}-${controlText(controlNumber)}.x12`;
    const [row] = await rows<DocumentRow>(
      tx,
      sql`insert into ingest.edi_documents (tenant_id, id, partner_id, transaction_set, control_number, idempotency_key, file_name,
                                             record_type, record_id, record_version, answers, warnings, body, delivery, created_at)
          values (${tenantId}, ${newId("edoc")}, ${partner.id}, ${document.set}, ${controlNumber}, ${document.idempotencyKey}, ${fileName},
                  ${document.record?.type ?? null}, ${document.record?.id ?? null}, ${document.record?.version ?? null},
                  ${document.answers ? JSON.stringify(document.answers) : null}::jsonb, ${JSON.stringify(document.warnings ?? [])}::jsonb,
                  ${body}, ${partner.outbound.type === "folder" ? "pending" : "stored"}, ${now.toISOString()})
          returning ${COLUMNS}, body`,
    );
    const stored = withBody(row as DocumentRow);
    if (document.audit) {
      await appendAudit(tx, {
        ...document.audit,
        action: "ingest.edi_document.created",
        resourceType: "edi_document",
        resourceId: stored.id,
        data: {
          partner: partner.name,
          set: document.set,
          control_number: stored.control_number,
          record: document.record ?? null,
        },
      });
    }
    return { document: stored, duplicate: false };
  });
}

export async function getDocument(db: Database, tenantId: string, id: string): Promise<OutboundDocumentDetail> {
  const [row] = await readAsTenant<DocumentRow>(
    db,
    tenantId,
    sql`select ${COLUMNS}, body from ingest.edi_documents where id = ${id}`,
  );
  if (!row) throw notFound("EDI document", id);
  return withBody(row);
}

export async function listDocuments(
  db: Database,
  tenantId: string,
  partnerId: string,
  query: DocumentQuery,
): Promise<{ data: OutboundDocument[]; next_cursor: string | null }> {
  const conditions = [sql`partner_id = ${partnerId}`];
  if (query.set) conditions.push(sql`transaction_set = ${query.set}`);
  if (query.record) conditions.push(sql`record_id = ${query.record}`);
  if (query.cursor) {
    if (!/^edoc_[0-9a-z]{26}$/.test(query.cursor)) throw new AppError("bad_request", "The cursor is not one this list gave");
    conditions.push(sql`id < ${query.cursor}`);
  }
  const found = await readAsTenant<DocumentRow>(
    db,
    tenantId,
    sql`select ${COLUMNS} from ingest.edi_documents where ${sql.join(conditions, sql` and `)} order by id desc limit ${query.limit + 1}`,
  );
  const page = found.slice(0, query.limit);
  return { data: page.map(toDocument), next_cursor: found.length > query.limit ? (page.at(-1)?.id ?? null) : null };
}

/** The documents waiting to be written to their partner's outbox folder. */
export async function pendingDocuments(
  db: Database,
  tenantId: string,
  partnerId?: string,
): Promise<{ id: string; partner_id: string; file_name: string; body: string }[]> {
  return readAsTenant(
    db,
    tenantId,
    sql`select id, partner_id, file_name, body from ingest.edi_documents
         where delivery in ('pending', 'failed') ${partnerId ? sql`and partner_id = ${partnerId}` : sql``} order by id limit 200`,
  );
}

export async function markDelivery(
  db: Database,
  tenantId: string,
  id: string,
  outcome: { delivered: true; to: string; at: Date } | { delivered: false; to: string | null; error: string },
): Promise<void> {
  await withTenant(db, tenantId, (tx) =>
    tx.execute(
      outcome.delivered
        ? sql`update ingest.edi_documents set delivery = 'delivered', delivered_to = ${outcome.to}, delivery_error = null,
                     delivered_at = ${outcome.at.toISOString()} where id = ${id}`
        : sql`update ingest.edi_documents set delivery = 'failed', delivered_to = ${outcome.to}, delivery_error = ${outcome.error}
               where id = ${id}`,
    ),
  );
}

/**
 * The partner's 997 about documents we sent: those of the partner whose GS06 (our control number)
 * it answers get its verdict. Returns their ids.
 */
export async function noteAcknowledgment(
  db: Database,
  tenantId: string,
  partnerId: string,
  answer: {
    groupControlNumber: string;
    status: NonNullable<OutboundDocument["acknowledgment"]>["status"];
    receiptId: string;
    at: Date;
  },
): Promise<string[]> {
  if (!/^\d{1,9}$/.test(answer.groupControlNumber.trim())) return [];
  const updated = await withTenant(db, tenantId, (tx) =>
    rows<{ id: string }>(
      tx,
      sql`update ingest.edi_documents set ack_status = ${answer.status}, ack_receipt_id = ${answer.receiptId},
                 acknowledged_at = ${answer.at.toISOString()}
           where partner_id = ${partnerId} and control_number = ${Number(answer.groupControlNumber)} and transaction_set <> '997'
          returning id`,
    ),
  );
  return updated.map((row) => row.id);
}
