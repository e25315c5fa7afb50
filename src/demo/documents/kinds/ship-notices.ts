import { shipNoticeOf } from "../content/ship-notice.ts";
import { shipNotice856 } from "../edi/856.ts";
import { EDI_FORMATS } from "../edi/edi-formats.ts";
import { companyPartner, ediPartner } from "../edi/partners.ts";
import { writeInterchange } from "../edi/x12-writer.ts";
import { fileSafe } from "../paths.ts";
import { buildTruth } from "../truth/build-truth.ts";
import { TruthRecorder } from "../truth/recorder.ts";
import type { GeneratedDocument } from "../truth/truth.ts";
import type { KindContext } from "./context.ts";
import { byKey } from "./select.ts";

/** EDI 856 advance ship notices for a sample of inbound shipments from suppliers. */
export function shipNotices(context: KindContext): GeneratedDocument[] {
  const { index, volume, random } = context;
  const eligible = index.world.records.shipment.filter(
    (shipment) =>
      shipment.direction === "inbound" &&
      shipment.supplier_external_id &&
      index.suppliers.has(shipment.supplier_external_id) &&
      shipment.status !== "cancelled" &&
      (shipment.lines ?? []).length > 0,
  );
  const shipments = random
    .fork("pick")
    .sample(eligible, volume.shipNotices)
    .sort(byKey((shipment) => `${shipment.ship_date ?? ""}|${shipment.external_id}`));
  let controlNumber = random.fork("control-numbers").int(1_000, 90_000) * 1_000;
  const receiver = companyPartner(index.world.company);
  return shipments.map((shipment) => {
    const notice = shipNoticeOf(index, shipment, random.fork(`notice:${shipment.external_id}`));
    const supplier = index.suppliers.get(notice.supplierExternalId);
    const partner = ediPartner(
      context.partners.fork(notice.supplierExternalId).fork("edi"),
      supplier?.code ?? notice.supplierExternalId,
    );
    const record = new TruthRecorder(EDI_FORMATS);
    const body = shipNotice856(notice, record);
    controlNumber++;
    const content = writeInterchange({
      sender: partner.id,
      receiver: receiver.id,
      date: notice.shipDate,
      time: notice.shipTime,
      controlNumber,
      functionalId: "SH",
      transactionSetId: "856",
      body,
      newlines: partner.newlines,
    });
    const path = `${context.paths.claim(`documents/edi/856/856-${controlNumber}-${fileSafe(notice.shipmentNumber)}`)}.edi`;
    const refs: Record<string, string> = { supplier_external_id: notice.supplierExternalId };
    if (notice.purchaseOrderExternalId) refs.purchase_order_external_id = notice.purchaseOrderExternalId;
    const truth = buildTruth(
      { kind: "ship_notice", format: "edi_x12", layout: "x12-004010-856", path, source: notice.source, pages: 1, refs },
      record,
      {
        edi: {
          transaction_set: "856",
          sender_id: partner.id.id,
          receiver_id: receiver.id.id,
          interchange_control_number: String(controlNumber).padStart(9, "0"),
        },
      },
    );
    return { path, content, truth };
  });
}
