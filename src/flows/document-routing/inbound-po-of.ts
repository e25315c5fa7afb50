import type { DocumentDetail } from "../../modules/documents/index.ts";
import type { InboundPo } from "../inbound-po-to-order/inputs.ts";

type Values = Record<string, string>;

/** A customer's PO document as the order flow's input; null when it was not matched to a customer in the records. */
export function inboundPoOf(document: DocumentDetail): InboundPo | null {
  const matches = document.matches;
  const payload = document.route?.payload as { fields?: Values; lines?: Values[] } | undefined;
  if (!matches?.customer_external_id || !matches.source_system || !payload?.fields || !document.document_number) return null;
  const fields = payload.fields;
  const lines = (payload.lines ?? []).map((line, index) => {
    const item = matches.line_items[index] ?? undefined;
    const theirs = line.customer_part_number ?? line.buyer_part_number;
    return {
      line_number: Number.parseInt(line.line_number ?? "", 10) || index + 1,
      ...(item ? { item_external_id: item } : {}),
      ...(theirs ? { customer_part_number: theirs } : {}),
      ...(line.description ? { description: line.description.slice(0, 500) } : {}),
      quantity: line.quantity ?? "0",
      uom: line.uom ?? "EA",
      ...(line.unit_price ? { unit_price: line.unit_price } : {}),
    };
  });
  const orderDate = fields.po_date ?? document.created_at.slice(0, 10);
  return {
    source: { type: "document", ref: document.id },
    source_system: matches.source_system,
    customer_external_id: matches.customer_external_id,
    customer_po_number: document.document_number,
    order_date: orderDate,
    ...(fields.requested_date ? { requested_date: fields.requested_date } : {}),
    lines,
    // A person's approval makes the reading certain; otherwise, how sure the kind was.
    confidence: document.review?.decision === "approve" ? 1 : Math.min(1, document.kind_confidence),
    acknowledge: { via: "none" },
    requested_by: { type: "system", id: "documents", label: "document intake" },
  };
}
