import type { FlowWrite } from "../shared/write.ts";
import type { InboundPo } from "./inputs.ts";
import type { OrderProposal } from "./propose-order.ts";

/** EDI units are two letters (EA, CS, BX); longer ones are cut, as trading partners expect. */
const ediUnit = (uom: string) => uom.slice(0, 2).toUpperCase();

/**
 * How the customer hears back: an 855 over EDI (each line accepted, or rejected with the order),
 * or an email, or nothing. Null when the PO asked for no acknowledgment.
 */
export function acknowledgment(
  po: InboundPo,
  proposal: OrderProposal,
  outcome: { accepted: boolean; orderNumber: string | null; reason?: string | null },
): FlowWrite | null {
  if (po.acknowledge.via === "edi") {
    return {
      kind: "edi.send",
      connector: "edi",
      payload: {
        transaction: "855",
        purchase_order_number: po.customer_po_number.slice(0, 22),
        purchase_order_date: po.order_date,
        ...(outcome.orderNumber ? { seller_order_number: outcome.orderNumber.slice(0, 22) } : {}),
        lines: proposal.lines.map((line) => ({
          line_number: line.line_number,
          quantity: Number(line.quantity),
          uom: ediUnit(line.uom),
          ...(line.unit_price ? { unit_price: line.unit_price } : {}),
          ...(line.customer_part_number ? { buyer_part_number: line.customer_part_number.slice(0, 48) } : {}),
          ...(line.sku ? { vendor_part_number: line.sku.slice(0, 48) } : {}),
          status: outcome.accepted ? "accepted" : "rejected",
        })),
      },
      // The acknowledgment answers for the order: its money, and certainty (it is generated, not read).
      facts: {
        customer_external_id: po.customer_external_id,
        amount_minor: proposal.total_minor,
        currency: proposal.currency,
        confidence: 1,
        ...(proposal.customer_tier ? { customer_tier: proposal.customer_tier } : {}),
      },
      summary: `855 for PO ${po.customer_po_number}: ${outcome.accepted ? "accepted" : "rejected"}`,
    };
  }
  if (po.acknowledge.via === "email" && po.acknowledge.email) {
    const lines = proposal.lines.map(
      (line) =>
        `  ${line.line_number}. ${line.quantity} ${line.uom} ${line.sku ?? line.customer_part_number ?? ""} ${line.description ?? ""}`,
    );
    const text = outcome.accepted
      ? [
          `Thank you for purchase order ${po.customer_po_number}.`,
          `We have entered it as order ${outcome.orderNumber ?? "(pending)"}:`,
          ...lines,
        ].join("\n")
      : [
          `We could not accept purchase order ${po.customer_po_number}.`,
          outcome.reason ? `Reason: ${outcome.reason}` : "",
          "Please contact us to resolve it.",
        ].join("\n");
    return {
      kind: "customer_message.send",
      connector: "email",
      payload: { to: po.acknowledge.email, subject: `Your purchase order ${po.customer_po_number}`, text },
      facts: {
        customer_external_id: po.customer_external_id,
        ...(proposal.customer_tier ? { customer_tier: proposal.customer_tier } : {}),
      },
      summary: `Acknowledgment of PO ${po.customer_po_number} to ${po.acknowledge.email}`,
    };
  }
  return null;
}
