import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "../../../../platform/db/database.ts";
import { readAsTenant, writeAsTenant } from "../../../../platform/db/tenant-scope.ts";
import { AppError } from "../../../../platform/errors.ts";
import { newId } from "../../../../platform/ids.ts";
import type { QuarantineReason, TradingPartner } from "../../contract/index.ts";
import { iterateX12 } from "../../edi/index.ts";
import { getPartner, partnerBySender } from "../partners/partner-store.ts";

/** The largest interchange kept: a bigger one is refused before it is stored (split it, or send it by folder in parts). */
export const MAX_INTERCHANGE_BYTES = 16 * 1024 * 1024;

/** What an interchange says about itself in its first ISA: who sent it, to whom, and its control number. */
export type InterchangeHeader = {
  sender: { qualifier: string; id: string };
  receiver: { qualifier: string; id: string };
  controlNumber: string;
};

/** The first interchange's header, read as far as its first complete set (or group, or interchange); null when there is none. */
export function peekInterchange(body: Uint8Array): InterchangeHeader | null {
  for (const event of iterateX12(body)) {
    if (event.type === "end") return null;
    const { interchange } = event;
    return {
      sender: { qualifier: interchange.senderQualifier.trim(), id: interchange.senderId.trim() },
      receiver: { qualifier: interchange.receiverQualifier.trim(), id: interchange.receiverId.trim() },
      controlNumber: interchange.controlNumber.trim(),
    };
  }
  return null;
}

export type Received = {
  receiptId: string;
  duplicate: boolean;
  partner: TradingPartner;
  controlNumber: string | null;
};

const describeParty = (party: { qualifier: string; id: string }) => `${party.qualifier}:${party.id}`;

/**
 * Stores an interchange as a receipt of its partner's source, before anyone is answered. The
 * partner is the one named, whose ids the ISA must carry, or the one the ISA's sender is. The
 * delivery id is the sender and ISA13, so the same interchange sent again is a duplicate, answered
 * with the receipt it made the first time. The same control number with other content is stored
 * too, held in quarantine for a person (a partner that reuses numbers, or a corrected resend).
 * Input that is not X12 at all is stored under its SHA-256 and quarantined by processing.
 */
export async function receiveInterchange(
  db: Database,
  clock: () => Date,
  tenantId: string,
  input: { partner?: string | undefined; body: Buffer; contentType?: string | undefined },
): Promise<Received> {
  if (input.body.length > MAX_INTERCHANGE_BYTES) {
    throw new AppError("payload_too_large", `An interchange is at most ${MAX_INTERCHANGE_BYTES} bytes`);
  }
  if (input.body.length === 0) throw new AppError("bad_request", "The interchange is empty");
  const header = peekInterchange(input.body);
  const partner = input.partner
    ? await getPartner(db, tenantId, input.partner)
    : header
      ? await partnerBySender(db, tenantId, header.sender)
      : undefined;
  if (!partner) {
    throw new AppError(
      "validation_failed",
      header
        ? `No trading partner sends as ${describeParty(header.sender)} (ISA05:ISA06): add one, or name the partner`
        : "The body has no X12 interchange to find its partner by: name the partner to keep it for a person to look at",
    );
  }
  if (header && (header.sender.id !== partner.their.id || header.sender.qualifier !== partner.their.qualifier)) {
    throw new AppError(
      "validation_failed",
      `The interchange is from ${describeParty(header.sender)} (ISA05:ISA06), and ${partner.name} sends as ${describeParty(partner.their)}`,
      { details: [{ path: "ISA06", message: `expected ${describeParty(partner.their)}` }] },
    );
  }
  const sha = createHash("sha256").update(input.body).digest("hex");
  const deliveryId = header ? `${describeParty(header.sender)}:${header.controlNumber}` : `sha256:${sha}`;
  const stored = await store(db, clock, tenantId, partner, { deliveryId, sha, body: input.body, contentType: input.contentType });
  if (stored.kind !== "conflict") return { ...stored.receipt, partner, controlNumber: header?.controlNumber ?? null };
  // The control number was used before for other content: kept, but held for a person.
  const reason: QuarantineReason = {
    stage: "parse",
    message: `Interchange control number ${header?.controlNumber} from ${header ? describeParty(header.sender) : "?"} was received before with other content (receipt ${stored.firstId}); replay this receipt to process it all the same`,
    problems: [{ path: "ISA13", message: "control number used before for other content" }],
  };
  const again = await store(
    db,
    clock,
    tenantId,
    partner,
    { deliveryId: `${deliveryId}#${sha.slice(0, 16)}`, sha, body: input.body, contentType: input.contentType },
    reason,
  );
  if (again.kind === "conflict") throw new Error("a delivery id with the content's hash was taken by other content");
  return { ...again.receipt, partner, controlNumber: header?.controlNumber ?? null };
}

type Stored = { kind: "stored"; receipt: { receiptId: string; duplicate: boolean } } | { kind: "conflict"; firstId: string };

async function store(
  db: Database,
  clock: () => Date,
  tenantId: string,
  partner: TradingPartner,
  delivery: { deliveryId: string; sha: string; body: Buffer; contentType: string | undefined },
  quarantined?: QuarantineReason,
): Promise<Stored> {
  const id = newId("rcv");
  const [result] = await writeAsTenant(db, tenantId, [
    sql`with inserted as (
          insert into ingest.receipts (tenant_id, id, source_id, delivery_id, received_at, content_type, body, body_sha256, status, reason)
          values (${tenantId}, ${id}, ${partner.source_id}, ${delivery.deliveryId}, ${clock().toISOString()},
                  ${delivery.contentType ?? "application/edi-x12"}, ${`\\x${delivery.body.toString("hex")}`}::bytea, ${delivery.sha},
                  ${quarantined ? "quarantined" : "received"}, ${quarantined ? JSON.stringify(quarantined) : null}::jsonb)
          on conflict (source_id, delivery_id) do nothing
          returning id, body_sha256)
        select id, body_sha256, false as duplicate from inserted
        union all
        select id, body_sha256, true from ingest.receipts where source_id = ${partner.source_id} and delivery_id = ${delivery.deliveryId}
          and not exists (select 1 from inserted)`,
  ]);
  let row = result?.rows[0] as { id: string; body_sha256: string; duplicate: boolean } | undefined;
  if (!row) {
    // Stored at the same moment by another request: visible now.
    const [again] = await readAsTenant<{ id: string; body_sha256: string }>(
      db,
      tenantId,
      sql`select id, body_sha256 from ingest.receipts where source_id = ${partner.source_id} and delivery_id = ${delivery.deliveryId}`,
    );
    if (!again) throw new Error(`the receipt of interchange ${delivery.deliveryId} was neither stored nor found`);
    row = { ...again, duplicate: true };
  }
  if (row.duplicate && row.body_sha256 !== delivery.sha) return { kind: "conflict", firstId: row.id };
  return { kind: "stored", receipt: { receiptId: row.id, duplicate: row.duplicate } };
}
