import type { Random } from "../../random.ts";
import type { ProofOfDeliveryContent } from "../content/proof-of-delivery.ts";
import { addressLines } from "../render/address-block.ts";
import { signatureStrokes } from "../render/signature.ts";
import type { Surface } from "../render/surface.ts";
import type { TruthRecorder } from "../truth/recorder.ts";
import type { Layout } from "./layout.ts";

const LEFT = 40;
const RIGHT = 572;
const INK = "#1a2a6c";

/** A carrier's delivery receipt: pro number, consignee, pieces, exceptions as noted, the receiver's signature. */
export function proofOfDeliveryLayout(random: Random): Layout<ProofOfDeliveryContent> {
  return {
    name: "pod-carrier-receipt",
    formats: { date: "us", money: { symbol: false, thousands: true }, minPricePlaces: 2, minQuantityPlaces: 0 },
    render(surface, pod, record) {
      surface.text(record.text("carrier", pod.carrier.toUpperCase()), LEFT, 36, { font: "sans-bold", size: 18 });
      surface.text("DELIVERY RECEIPT", RIGHT, 36, { font: "sans-bold", size: 14, align: "right" });
      surface.text("Proof of delivery - consignee copy", RIGHT, 54, { font: "sans", size: 8, align: "right" });
      surface.line(LEFT, 70, RIGHT, 70, { width: 1.5 });

      const facts: [string, string][] = [
        ["PRO NUMBER", record.text("pro_number", pod.proNumber)],
        ["SHIPPER REF", record.text("shipment_number", pod.shipmentNumber)],
        ["PICKUP DATE", pod.shipDate ? record.date("ship_date", pod.shipDate) : ""],
        ["PIECES", pod.packages != null ? record.integer("packages", pod.packages) : ""],
        [
          "WEIGHT",
          pod.weight != null ? `${record.quantity("weight", pod.weight)} ${record.text("weight_uom", pod.weightUom)}` : "",
        ],
      ];
      facts.forEach(([label, value], index) => {
        const x = LEFT + index * 106.4;
        surface.rect(x, 80, 106.4, 32, { stroke: "#000000" });
        surface.text(label, x + 4, 84, { font: "sans-bold", size: 6.5 });
        surface.text(value, x + 4, 97, { font: index === 0 ? "sans-bold" : "sans", size: 9.5 });
      });

      block(surface, LEFT, 126, "SHIPPER", addressLines(record, "shipper", pod.shipper));
      block(surface, 310, 126, "CONSIGNEE", addressLines(record, "consignee", pod.consignee));
      const references = [
        pod.orderNumber ? `Shipper order: ${record.text("order_number", pod.orderNumber)}` : "",
        pod.customerPoNumber ? `Consignee PO: ${record.text("customer_po_number", pod.customerPoNumber)}` : "",
      ].filter(Boolean);
      surface.text(references.join("     "), LEFT, 218, { font: "sans", size: 9 });

      surface.rect(LEFT, 238, RIGHT - LEFT, 92, { stroke: "#000000" });
      surface.text("EXCEPTIONS (noted at delivery)", LEFT + 6, 243, { font: "sans-bold", size: 8 });
      exceptions(surface, pod, record);

      surface.text("Received the above described freight in good order, except as noted.", LEFT, 344, {
        font: "sans-oblique",
        size: 8.5,
      });
      surface.rect(LEFT, 360, RIGHT - LEFT, 96, { stroke: "#000000" });
      surface.text("RECEIVED BY (signature)", LEFT + 6, 364, { font: "sans-bold", size: 7 });
      for (const stroke of signatureStrokes(random, LEFT + 30, 380, 180, 34)) surface.stroke(stroke, { width: 1.2, color: INK });
      surface.text("PRINT NAME", 310, 364, { font: "sans-bold", size: 7 });
      surface.text(record.text("receiver_name", pod.receiverName), 316, 384, { font: "sans-oblique", size: 13, color: INK });
      surface.line(LEFT, 430, RIGHT, 430, { width: 0.4 });
      surface.text("DELIVERED", LEFT + 6, 436, { font: "sans-bold", size: 7 });
      surface.text(record.localTime("delivered_at", pod.deliveredAt, pod.timeZone), LEFT + 60, 435, { font: "sans", size: 9.5 });
      record.flag("signed", true, "signature");
      surface.text("Driver #", 310, 436, { font: "sans-bold", size: 7 });
      surface.text(String(random.int(1000, 9999)), 350, 435, { font: "sans", size: 9.5 });
    },
  };
}

function block(surface: Surface, x: number, y: number, title: string, lines: string[]): void {
  surface.text(title, x, y, { font: "sans-bold", size: 8 });
  lines.forEach((text, index) => {
    surface.text(text, x, y + 13 + index * 11, { font: "sans", size: 9 });
  });
}

function exceptions(surface: Surface, pod: ProofOfDeliveryContent, record: TruthRecorder): void {
  if (pod.exceptions.length === 0) {
    surface.text(record.text("exceptions", "NONE"), LEFT + 12, 262, { font: "sans-oblique", size: 12, color: INK });
    return;
  }
  pod.exceptions.forEach((exception, index) => {
    const line = record.line();
    const printed = line.text("text", exception.text.toUpperCase());
    // What the note means, read from the note itself.
    line.record("kind", exception.kind, printed);
    line.record("cartons", exception.cartons, printed);
    surface.text(printed, LEFT + 12, 262 + index * 20, { font: "sans-oblique", size: 13, color: INK });
  });
  record.text("exceptions", pod.exceptions.map((exception) => exception.text.toUpperCase()).join("; "));
}
