import { inputOf } from "../../../records/index.ts";
import type { X12PurchaseOrderAcknowledgment, X12Segment } from "../../edi/index.ts";
import { lineNumberOf } from "../process/edi-view.ts";
import { atSegment, type LocatedProblem } from "../process/locate-problem.ts";
import { held, rejected, type SetContext, type SetResult } from "./set-result.ts";
import type { Row } from "./stored-record.ts";
import { writeRecords } from "./write-records.ts";

/** A PO's statuses an acknowledgment moves on to `acknowledged`; later ones (received, closed) stay. */
const BEFORE_ACKNOWLEDGED = new Set(["draft", "pending_approval", "approved", "sent"]);

/**
 * An 855 (a supplier answers the distributor's PO) applied to that purchase order, wherever its
 * record is kept (the ERP's mirror, usually): found by BAK03 among the tenant's purchase orders
 * (the partner's supplier's first). The order is marked acknowledged; each PO1 line is matched by
 * its number (else its part number) and gets the supplier's answer: rejected lines are cancelled,
 * the date the supplier gives (ACK05) becomes the promised date, and what it said (ACK status,
 * quantity, price) is kept in the line's attributes. Code, not a mapping: it changes a record
 * stored under another source. Held when the PO is not here yet.
 */
export async function applyPurchaseOrderAcknowledgment(c: SetContext, ack: X12PurchaseOrderAcknowledgment): Promise<SetResult> {
  const bak = c.set.segments.find((segment) => segment.id === "BAK") ?? c.set.header;
  if (!ack.po_number)
    return rejected("map", [atSegment(c.set, bak, "BAK03 (the PO number) is missing", { position: 3, code: "1" })]);
  const found = await c.records.list(c.ctx.tenantId, "purchase_order", { po_number: ack.po_number, limit: 20 });
  const candidates = found.data as Row[];
  const summary =
    candidates.find((po) => c.partner.supplier_external_id && po.supplier_external_id === c.partner.supplier_external_id) ??
    candidates[0];
  if (!summary) {
    return held("map", [
      atSegment(c.set, bak, `There is no purchase order ${ack.po_number} to acknowledge: replay this receipt once it is in`, {
        position: 3,
        code: "7",
      }),
    ]);
  }
  const order = inputOf((await c.records.get(c.ctx.tenantId, "purchase_order", String(summary.id))) as Row);
  const lines = order.lines as Row[];
  const po1s = c.set.segments.filter((segment) => segment.id === "PO1");
  const problems: LocatedProblem[] = [];
  ack.lines.forEach((answered, at) => {
    const number = lineNumberOf(answered.line_number);
    const part = answered.buyer_part_number ?? answered.vendor_part_number;
    const line =
      lines.find((candidate) => number !== null && candidate.line_number === number) ??
      lines.find(
        (candidate) =>
          part !== null &&
          (candidate.item_external_id === part || candidate.supplier_part_number === answered.vendor_part_number),
      );
    if (!line) {
      problems.push(
        atSegment(c.set, po1s[at] as X12Segment, `Purchase order ${ack.po_number} has no line ${answered.line_number || part}`, {
          position: 1,
          code: "7",
        }),
      );
      return;
    }
    const first = answered.acknowledgments[0];
    if (answered.status === "rejected") line.status = "cancelled";
    else if (line.status === null || line.status === undefined) line.status = "open";
    const promised = answered.acknowledgments.find((entry) => entry.date)?.date;
    if (promised) line.promised_date = promised;
    line.attributes = {
      ...(line.attributes as object),
      edi_acknowledgment: {
        status: answered.status,
        status_code: first?.status_code ?? null,
        quantity: first?.quantity ?? null,
        uom: first?.uom ?? null,
        date: first?.date ?? null,
        unit_price: answered.acknowledged_unit_price ?? null,
      },
    };
  });
  // A line the supplier could not be matched to is a problem with its answer: the PO is left as it was.
  if (problems.length > 0) return held("map", problems);
  order.is_acknowledged = true;
  if (BEFORE_ACKNOWLEDGED.has(String(order.status))) order.status = "acknowledged";
  if (ack.acknowledgment_type === "RJ" && lines.every((line) => line.status === "cancelled")) order.status = "cancelled";
  order.attributes = {
    ...(order.attributes as object),
    edi_acknowledgment: {
      type: ack.acknowledgment_type,
      date: ack.acknowledgment_date,
      seller_order_number: ack.seller_order_number,
      partner: c.partner.name,
      set_control_number: c.set.controlNumber,
    },
  };
  // The order keeps its own source_system (the ERP's, usually): the acknowledgment changes that record.
  return writeRecords(c, [{ type: "purchase_order", row: order }]);
}
