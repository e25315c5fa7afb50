import { sql } from "drizzle-orm";
import type { Database } from "../../../../platform/db/database.ts";
import { readAsTenant } from "../../../../platform/db/tenant-scope.ts";
import { AppError, notFound } from "../../../../platform/errors.ts";
import type { InterchangeQuery, ReceivedInterchange } from "../../contract/index.ts";
import { iso } from "../../db-values.ts";

type Row = {
  receipt_id: string;
  partner_id: string;
  sender: string;
  receiver: string;
  control_number: string;
  usage: string;
  status: ReceivedInterchange["status"];
  sets: ReceivedInterchange["sets"];
  acknowledgments: string[];
  processed_at: string;
};

const SELECT = sql`select i.receipt_id, i.partner_id, i.sender, i.receiver, i.control_number, i.usage, r.status, i.sets,
                          i.acknowledgments, i.processed_at
                     from ingest.edi_interchanges i join ingest.receipts r on r.id = i.receipt_id`;

const toInterchange = (row: Row): ReceivedInterchange => ({ ...row, processed_at: iso(row.processed_at) });

/** An interchange as processing left it; undefined while it waits to be processed. */
export async function findInterchange(
  db: Database,
  tenantId: string,
  receiptId: string,
): Promise<ReceivedInterchange | undefined> {
  const [row] = await readAsTenant<Row>(db, tenantId, sql`${SELECT} where i.receipt_id = ${receiptId}`);
  return row ? toInterchange(row) : undefined;
}

export async function getInterchange(db: Database, tenantId: string, receiptId: string): Promise<ReceivedInterchange> {
  const found = await findInterchange(db, tenantId, receiptId);
  if (!found) throw notFound("Processed interchange", receiptId);
  return found;
}

/** A partner's interchanges, newest first. */
export async function listInterchanges(
  db: Database,
  tenantId: string,
  partnerId: string,
  query: InterchangeQuery,
): Promise<{ data: ReceivedInterchange[]; next_cursor: string | null }> {
  if (query.cursor && !/^rcv_[0-9a-z]{26}$/.test(query.cursor)) {
    throw new AppError("bad_request", "The cursor is not one this list gave");
  }
  const found = await readAsTenant<Row>(
    db,
    tenantId,
    sql`${SELECT} where i.partner_id = ${partnerId} ${query.cursor ? sql`and i.receipt_id < ${query.cursor}` : sql``}
         order by i.receipt_id desc limit ${query.limit + 1}`,
  );
  const page = found.slice(0, query.limit);
  return {
    data: page.map(toInterchange),
    next_cursor: found.length > query.limit ? (page.at(-1)?.receipt_id ?? null) : null,
  };
}
