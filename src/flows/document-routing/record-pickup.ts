import type { DocumentDetail } from "../../modules/documents/index.ts";
import { inputOf, type Records } from "../../modules/records/index.ts";
import type { WriteContext } from "../../platform/actor.ts";
import { matchedRecord } from "./matched-record.ts";

type Row = Record<string, unknown>;

/** Shipment statuses a pickup moves on; later ones (in transit, delivered) it leaves as they are. */
const BEFORE_PICKUP = new Set(["planned", "tendered"]);

const whole = (value: string | undefined) => {
  const count = Number(value);
  return value !== undefined && Number.isInteger(count) && count >= 0 ? count : undefined;
};

/**
 * A clean bill of lading recorded on the outbound shipment it was matched to: the shipment is
 * picked up (when it was still planned or tendered) on the BOL's ship date, with a `BOL` tracking
 * event naming the document; the carrier's PRO becomes its tracking number and the carrier, package
 * count and weight are filled in where the shipment had none. Doing it again changes nothing (the
 * event is found by the document's id). Null when the BOL was not matched to a shipment, or the
 * shipment is gone.
 */
export async function recordPickup(
  records: Records,
  ctx: WriteContext,
  document: DocumentDetail,
): Promise<{ shipment_external_id: string; status: string } | null> {
  const stored = await matchedRecord(records, ctx.tenantId, document, "shipment");
  const externalId = document.matches?.shipment_external_id;
  if (!stored || !externalId) return null;
  const fields = (document.route?.payload as { fields?: Record<string, string> } | undefined)?.fields ?? {};
  const events = ((stored.tracking_events as Row[] | undefined) ?? []).map((event) => ({ ...event }));
  const mark = `document ${document.id}`;
  const status = BEFORE_PICKUP.has(String(stored.status)) ? "picked_up" : String(stored.status);
  if (!events.some((event) => String(event.description ?? "").includes(mark))) {
    const shipDate = fields.ship_date ?? new Date().toISOString().slice(0, 10);
    events.push({
      occurred_at: `${shipDate}T00:00:00Z`,
      status: "picked_up",
      code: "BOL",
      description: `Bill of lading ${document.document_number ?? ""} (${document.file_name}), ${mark}`.slice(0, 500),
    });
  }
  const packages = whole(fields.packages);
  const weight = Number(fields.total_weight);
  const filled = (field: string, value: unknown) =>
    value !== undefined && (stored[field] === null || stored[field] === undefined) ? { [field]: value } : {};
  await records.upsert(ctx, "shipment", [
    {
      ...inputOf(stored),
      status,
      ...filled("tracking_number", fields.pro_number?.slice(0, 100)),
      ...filled("carrier", fields.carrier?.slice(0, 100)),
      ...filled("service_level", fields.service_level?.slice(0, 64)),
      ...filled("ship_date", fields.ship_date),
      ...filled("package_count", packages),
      ...filled("weight", Number.isFinite(weight) && weight >= 0 ? fields.total_weight : undefined),
      tracking_events: events,
    },
  ]);
  return { shipment_external_id: externalId, status };
}
