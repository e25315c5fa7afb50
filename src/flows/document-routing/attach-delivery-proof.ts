import type { DocumentDetail } from "../../modules/documents/index.ts";
import { inputOf, type Records, type ServiceCase } from "../../modules/records/index.ts";
import type { WriteContext } from "../../platform/actor.ts";
import { matchedRecord } from "./matched-record.ts";

type Row = Record<string, unknown>;

/** Cases a proof of delivery answers: the customer asked where the goods are. A damage or shortage claim stays open. */
const ANSWERED_CATEGORIES = new Set(["delivery"]);
const OPEN = new Set(["open", "in_progress", "waiting_on_customer", "waiting_on_supplier"]);

export type DeliveryProofOutcome = { shipment_external_id: string; delivered_at: string; cases_resolved: string[] };

/**
 * A clean proof of delivery attached to the shipment it was matched to: the shipment is marked
 * delivered at the time the POD gives (else now), with a tracking event naming the document; the
 * shipment's open delivery cases ("where is my order") are resolved then. Writing it again changes
 * nothing (the event is found by the document's id). Null when the POD was not matched to a
 * shipment, or the shipment is gone.
 */
export async function attachDeliveryProof(
  records: Records,
  ctx: WriteContext,
  document: DocumentDetail,
  now: () => Date = () => new Date(),
): Promise<DeliveryProofOutcome | null> {
  const stored = await matchedRecord(records, ctx.tenantId, document, "shipment");
  const externalId = document.matches?.shipment_external_id;
  const sourceSystem = document.matches?.source_system;
  if (!stored || !externalId || !sourceSystem) return null;
  const fields = (document.route?.payload as { fields?: Record<string, string> } | undefined)?.fields ?? {};
  const deliveredAt = fields.delivered_at ?? now().toISOString();
  const events = ((stored.tracking_events as Row[] | undefined) ?? []).map((event) => ({ ...event }));
  const mark = `document ${document.id}`;
  if (!events.some((event) => String(event.description ?? "").includes(mark))) {
    const by = fields.receiver_name ? `, received by ${fields.receiver_name}` : "";
    events.push({
      occurred_at: deliveredAt,
      status: "delivered",
      code: "POD",
      description: `Proof of delivery ${document.document_number ?? ""} (${document.file_name}${by}), ${mark}`.slice(0, 500),
    });
  }
  const shipment = inputOf(stored);
  await records.upsert(ctx, "shipment", [
    {
      ...shipment,
      status: "delivered",
      delivered_at: (stored.delivered_at as string | null) ?? deliveredAt,
      tracking_events: events,
    },
  ]);

  const cases = (await records.list(ctx.tenantId, "service_case", { shipment_external_id: externalId, limit: 100 }))
    .data as ServiceCase[];
  const answered = cases.filter(
    (each) => each.source_system === sourceSystem && OPEN.has(each.status) && ANSWERED_CATEGORIES.has(each.category ?? ""),
  );
  if (answered.length > 0) {
    await records.upsert(
      ctx,
      "service_case",
      answered.map((each) => {
        const { lines: _none, ...input } = inputOf(each as unknown as Row);
        return { ...input, status: "resolved", resolved_at: deliveredAt };
      }),
    );
  }
  return {
    shipment_external_id: externalId,
    delivered_at: deliveredAt,
    cases_resolved: answered.map((each) => each.case_number),
  };
}
