import type { WriteContext } from "../../../../platform/actor.ts";
import type { Database } from "../../../../platform/db/database.ts";
import { AppError } from "../../../../platform/errors.ts";
import type { Logger } from "../../../../platform/logger.ts";
import { RecordNotFoundError, type Records, type RecordTypeName, recordTypeOfId } from "../../../records/index.ts";
import type { GenerateDocumentInput, GeneratedDocument, OutboundSet, TradingPartner } from "../../contract/index.ts";
import {
  invoice,
  invoiceTotal,
  purchaseOrderAcknowledgment,
  shipNotice,
  writeX12,
  type X12OutboundSegment,
} from "../../edi/index.ts";
import { fromMicros, toMicros } from "../decimal.ts";
import { getPartner } from "../partners/partner-store.ts";
import { deliverPending } from "./deliver.ts";
import { getDocument, storeDocument } from "./document-store.ts";
import { acknowledgmentFromSalesOrder, invoiceFromRecord, type StoredRecord, shipNoticeFromShipment } from "./from-records.ts";

export type GenerateDeps = { db: Database; records: Records; logger: Logger; clock: () => Date; outboxDir: string | undefined };

/** What each set is made from, and its functional group (GS01). */
const SOURCES: Record<OutboundSet, { type: RecordTypeName; what: string; functionalId: string }> = {
  "855": { type: "sales_order", what: "a sales order (so_…)", functionalId: "PR" },
  "856": { type: "shipment", what: "an outbound shipment (shpm_…)", functionalId: "SH" },
  "810": { type: "invoice", what: "an AR invoice (inv_…)", functionalId: "IN" },
};

async function related(deps: GenerateDeps, tenantId: string, record: StoredRecord): Promise<StoredRecord | undefined> {
  const external = record.sales_order_external_id;
  if (typeof external !== "string" || !external) return undefined;
  try {
    return (await deps.records.getByExternalId(tenantId, "sales_order", String(record.source_system), external)) as StoredRecord;
  } catch (error) {
    if (error instanceof RecordNotFoundError) return undefined;
    throw error;
  }
}

function refuse(message: string, path = "record_id"): never {
  throw new AppError("validation_failed", message, { details: [{ path, message }] });
}

/** The body of the set from the record, and what the record did not say. */
async function draft(
  deps: GenerateDeps,
  tenantId: string,
  set: OutboundSet,
  record: StoredRecord,
  at: Date,
): Promise<{ segments: X12OutboundSegment[]; warnings: string[] }> {
  switch (set) {
    case "855": {
      const drafted = acknowledgmentFromSalesOrder(record, at);
      if (drafted.input.lines.length === 0) refuse(`Sales order ${record.id} has no lines to acknowledge`);
      return { segments: purchaseOrderAcknowledgment(drafted.input), warnings: drafted.warnings };
    }
    case "856": {
      if (record.direction !== "outbound") refuse(`Shipment ${record.id} is inbound: an 856 announces an outbound shipment`);
      const drafted = shipNoticeFromShipment(record, await related(deps, tenantId, record), at);
      if ((drafted.input.orders[0]?.lines ?? []).length === 0) refuse(`Shipment ${record.id} has no lines to announce`);
      return { segments: shipNotice(drafted.input), warnings: drafted.warnings };
    }
    case "810": {
      if (record.kind !== "ar") refuse(`Invoice ${record.id} is a supplier's (AP): an 810 bills a customer (AR)`);
      const drafted = invoiceFromRecord(record, await related(deps, tenantId, record));
      if (drafted.input.lines.length === 0) refuse(`Invoice ${record.id} has no lines to bill`);
      const total = invoiceTotal(drafted.input);
      const stated = toMicros(record.total_amount);
      if (stated !== null && (total - stated > 5_000n || stated - total > 5_000n)) {
        drafted.warnings.push(
          `The lines, charges and tax add up to ${fromMicros(total)}, and the invoice says ${record.total_amount}: TDS carries ${fromMicros(total)}`,
        );
      }
      return { segments: invoice(drafted.input), warnings: drafted.warnings };
    }
    default:
      return set satisfies never;
  }
}

/**
 * An 855, 856 or 810 for a partner from a record, stored once per (partner, set, record version):
 * asked again for the same version, it is the same document (`duplicate`); after the record
 * changes, a new one under the next control number. Written to the partner's outbox folder, if it
 * has one, before it is answered.
 */
export async function generateDocument(
  deps: GenerateDeps,
  ctx: WriteContext,
  partnerIdOrName: string,
  input: GenerateDocumentInput,
): Promise<GeneratedDocument> {
  const partner: TradingPartner = await getPartner(deps.db, ctx.tenantId, partnerIdOrName);
  const source = SOURCES[input.set];
  const type = recordTypeOfId(input.record_id);
  if (type !== source.type) {
    refuse(`An ${input.set} is made from ${source.what}${type ? `; ${input.record_id} is a ${type}` : ""}`);
  }
  const record = (await deps.records.get(ctx.tenantId, source.type, input.record_id)) as StoredRecord;
  const at = deps.clock();
  let drafted: { segments: X12OutboundSegment[]; warnings: string[] };
  try {
    drafted = await draft(deps, ctx.tenantId, input.set, record, at);
  } catch (error) {
    if (error instanceof RangeError) refuse(`${input.record_id} cannot be written as an ${input.set}: ${error.message}`);
    throw error;
  }
  const stored = await storeDocument(
    deps.db,
    ctx.tenantId,
    partner,
    {
      set: input.set,
      idempotencyKey: `${input.set}:${record.id}:${record.version}`,
      record: { type: source.type, id: record.id, version: record.version },
      warnings: drafted.warnings,
      audit: ctx,
      render: (controlNumber) =>
        writeX12({
          sender: { qualifier: partner.ours.qualifier, id: partner.ours.id },
          receiver: { qualifier: partner.their.qualifier, id: partner.their.id },
          controlNumber,
          at,
          usage: partner.usage,
          groups: [
            {
              functionalId: source.functionalId,
              applicationSender: partner.ours.application_id ?? partner.ours.id,
              applicationReceiver: partner.their.application_id ?? partner.their.id,
              controlNumber,
              version: "004010",
              sets: [{ id: input.set, controlNumber: 1, segments: drafted.segments }],
            },
          ],
        }),
    },
    at,
  );
  if (!stored.duplicate && partner.outbound.type === "folder") {
    await deliverPending(deps, ctx.tenantId, partner);
    return { ...(await getDocument(deps.db, ctx.tenantId, stored.document.id)), duplicate: false };
  }
  return { ...stored.document, duplicate: stored.duplicate };
}
