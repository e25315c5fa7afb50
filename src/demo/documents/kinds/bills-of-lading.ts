import { type BillOfLadingContent, billOfLadingOf } from "../content/bill-of-lading.ts";
import { billOfLadingLayout } from "../layouts/bill-of-lading.ts";
import { fileSafe } from "../paths.ts";
import { PdfSurface } from "../render/pdf-surface.ts";
import { buildTruth } from "../truth/build-truth.ts";
import { TruthRecorder } from "../truth/recorder.ts";
import type { GeneratedDocument } from "../truth/truth.ts";
import type { KindContext } from "./context.ts";
import { byKey } from "./select.ts";

const NOT_SHIPPED = new Set(["planned", "cancelled"]);

/** Bills of lading for a sample of outbound shipments that left a warehouse. */
export function billsOfLading(context: KindContext): GeneratedDocument[] {
  const { index, volume, random } = context;
  const eligible = index.world.records.shipment.filter(
    (shipment) =>
      shipment.direction === "outbound" &&
      !NOT_SHIPPED.has(shipment.status) &&
      (shipment.lines ?? []).length > 0 &&
      index.customers.has(
        shipment.customer_external_id ??
          index.salesOrders.get(shipment.sales_order_external_id ?? "")?.customer_external_id ??
          "",
      ),
  );
  const shipments = random
    .fork("pick")
    .sample(eligible, volume.billsOfLading)
    .sort(byKey((shipment) => `${shipment.ship_date ?? ""}|${shipment.external_id}`));
  return shipments.map((shipment) => {
    const customerId =
      shipment.customer_external_id ?? index.salesOrders.get(shipment.sales_order_external_id ?? "")?.customer_external_id ?? "";
    const terms = context.partners
      .fork(customerId)
      .fork("freight-terms")
      .weighted<BillOfLadingContent["freightTerms"]>(["Prepaid", "Collect", "Third Party"], [7, 2, 1]);
    const bol = billOfLadingOf(index, shipment, terms);
    const surface = new PdfSurface({ title: `Bill of Lading ${bol.bolNumber}`, author: bol.shipper.name, date: bol.shipDate });
    const record = new TruthRecorder(billOfLadingLayout.formats);
    billOfLadingLayout.render(surface, bol, record);
    const path = `${context.paths.claim(`documents/bill-of-lading/${fileSafe(bol.bolNumber)}`)}.pdf`;
    const refs: Record<string, string> = {};
    if (bol.customerExternalId) refs.customer_external_id = bol.customerExternalId;
    if (bol.salesOrderExternalId) refs.sales_order_external_id = bol.salesOrderExternalId;
    const truth = buildTruth(
      {
        kind: "bill_of_lading",
        format: "pdf",
        layout: billOfLadingLayout.name,
        path,
        source: bol.source,
        pages: surface.pages,
        refs,
      },
      record,
    );
    return { path, content: surface.finish(), truth };
  });
}
