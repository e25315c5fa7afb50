import type { RecordInput } from "../../../modules/records/index.ts";
import { proofOfDeliveryOf } from "../content/proof-of-delivery.ts";
import { proofOfDeliveryLayout } from "../layouts/proof-of-delivery.ts";
import { fileSafe } from "../paths.ts";
import { PdfSurface } from "../render/pdf-surface.ts";
import { buildTruth } from "../truth/build-truth.ts";
import { TruthRecorder } from "../truth/recorder.ts";
import type { GeneratedDocument } from "../truth/truth.ts";
import type { KindContext } from "./context.ts";
import { byKey, pickPreferring } from "./select.ts";

/**
 * Signed delivery receipts for a sample of delivered outbound shipments, preferring those the
 * world opened a damage or shortage case about: their receipts carry the exception.
 */
export function proofsOfDelivery(context: KindContext): GeneratedDocument[] {
  const { index, volume, random } = context;
  const casesByShipment = new Map<string, RecordInput<"service_case">[]>();
  for (const serviceCase of index.world.records.service_case) {
    if (!serviceCase.shipment_external_id) continue;
    casesByShipment.set(serviceCase.shipment_external_id, [
      ...(casesByShipment.get(serviceCase.shipment_external_id) ?? []),
      serviceCase,
    ]);
  }
  const eligible = index.world.records.shipment.filter(
    (shipment) =>
      shipment.direction === "outbound" &&
      (shipment.status === "delivered" || shipment.delivered_at) &&
      index.customers.has(
        shipment.customer_external_id ??
          index.salesOrders.get(shipment.sales_order_external_id ?? "")?.customer_external_id ??
          "",
      ),
  );
  const withCases = eligible.filter((shipment) => casesByShipment.has(shipment.external_id));
  const preferred = withCases.slice(0, Math.ceil(volume.proofsOfDelivery / 3));
  const others = eligible.filter((shipment) => !preferred.includes(shipment));
  const shipments = pickPreferring(random.fork("pick"), preferred, others, volume.proofsOfDelivery).sort(
    byKey((shipment) => `${shipment.delivered_at ?? shipment.ship_date ?? ""}|${shipment.external_id}`),
  );
  return shipments.map((shipment) => {
    const documentRandom = random.fork(`pod:${shipment.external_id}`);
    const pod = proofOfDeliveryOf(
      index,
      shipment,
      documentRandom.fork("content"),
      casesByShipment.get(shipment.external_id) ?? [],
    );
    const layout = proofOfDeliveryLayout(documentRandom.fork("pen"));
    const surface = new PdfSurface({ title: `Delivery receipt ${pod.proNumber}`, author: pod.carrier, date: pod.deliveredAt });
    const record = new TruthRecorder(layout.formats);
    layout.render(surface, pod, record);
    const path = `${context.paths.claim(`documents/proof-of-delivery/POD-${fileSafe(pod.proNumber)}`)}.pdf`;
    const refs: Record<string, string> = {};
    if (pod.customerExternalId) refs.customer_external_id = pod.customerExternalId;
    if (pod.salesOrderExternalId) refs.sales_order_external_id = pod.salesOrderExternalId;
    const truth = buildTruth(
      { kind: "proof_of_delivery", format: "pdf", layout: layout.name, path, source: pod.source, pages: surface.pages, refs },
      record,
    );
    return { path, content: surface.finish(), truth };
  });
}
