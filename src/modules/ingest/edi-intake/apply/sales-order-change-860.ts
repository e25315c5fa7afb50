import { inputOf } from "../../../records/index.ts";
import type { X12PurchaseOrderChange, X12Segment } from "../../edi/index.ts";
import { extended, fromMicros, toMicros } from "../decimal.ts";
import { lineNumberOf } from "../process/edi-view.ts";
import { atSegment, type LocatedProblem } from "../process/locate-problem.ts";
import { held, rejected, type SetContext, type SetResult } from "./set-result.ts";
import { type Row, storedRecord } from "./stored-record.ts";
import { writeRecords } from "./write-records.ts";

/** POC02 codes that change a line's values (quantity, price, unit, item, dates) to those the POC carries. */
const CHANGES = new Set(["CA", "CT", "PC", "PQ", "PR", "QD", "QI", "RQ", "RZ", "CB", "CF", "CG", "CI"]);

/**
 * An 860 (the customer changes its PO) applied to the sales order its 850 made: BCH01 01 cancels
 * the order; otherwise each POC changes its line (by PO101's number): AI adds a line, DI cancels
 * one, NC leaves it, the others (quantity, price, date, replace…) set the values the POC carries
 * (POC03, the quantity now ordered; POC05 unit; POC06 price; DTM 002 on the line). Written by code,
 * not by a mapping: a change is applied to the order stored, which a mapping cannot read. Applying
 * the same change again leaves the order as it is. Held when the order is not here (its 850 has not
 * arrived, or was rejected): replay once it is.
 */
export async function applySalesOrderChange(c: SetContext, change: X12PurchaseOrderChange): Promise<SetResult> {
  const bch = c.set.segments.find((segment) => segment.id === "BCH") ?? c.set.header;
  if (!change.po_number)
    return rejected("map", [atSegment(c.set, bch, "BCH03 (the PO number) is missing", { position: 3, code: "1" })]);
  const stored = await storedRecord(c, "sales_order", change.po_number);
  if (!stored) {
    return held("map", [
      atSegment(
        c.set,
        bch,
        `There is no sales order ${change.po_number} from ${c.partner.name} to change: replay this receipt once its 850 is in`,
        { position: 3, code: "7" },
      ),
    ]);
  }
  const order = inputOf(stored);
  const lines = order.lines as Row[];
  const problems: LocatedProblem[] = [];
  const pocs = c.set.segments.filter((segment) => segment.id === "POC");
  if (change.purpose === "01") {
    order.status = "cancelled";
    for (const line of lines) line.status = "cancelled";
  } else {
    change.lines.forEach((changed, at) => {
      const segment = pocs[at] as X12Segment;
      const number = lineNumberOf(changed.line_number);
      const line = number === null ? undefined : lines.find((candidate) => candidate.line_number === number);
      const type = changed.change_type;
      if (number === null) {
        problems.push(
          atSegment(c.set, segment, "POC01 must be the line's number as the 850 gave it", { position: 1, code: "6" }),
        );
      } else if (type === "AI") {
        const item = changed.vendor_part_number ?? changed.buyer_part_number ?? changed.upc;
        const quantity = changed.ordered_quantity ?? changed.quantity;
        if (!item || !quantity || !changed.uom || !changed.unit_price) {
          problems.push(
            atSegment(c.set, segment, "An added line (AI) needs its quantity, unit, price and a part number", {
              position: !quantity ? 3 : !changed.uom ? 5 : !changed.unit_price ? 6 : 9,
              code: "1",
            }),
          );
          return;
        }
        const added: Row = {
          line_number: number,
          item_external_id: item,
          customer_part_number: changed.buyer_part_number,
          description: changed.description,
          quantity,
          uom: changed.uom.toUpperCase(),
          unit_price: changed.unit_price,
          extended_price: extended(quantity, changed.unit_price),
          requested_date: changed.dates.find((date) => date.qualifier === "002")?.date ?? null,
          attributes: { edi_line_id: changed.line_number, edi_change: type },
        };
        const existing = lines.findIndex((candidate) => candidate.line_number === number);
        if (existing === -1) lines.push(added);
        else lines[existing] = added;
      } else if (!line) {
        problems.push(
          atSegment(c.set, segment, `Sales order ${change.po_number} has no line ${number} to change (${type})`, {
            position: 1,
            code: "7",
          }),
        );
      } else if (type === "DI") {
        line.status = "cancelled";
        line.attributes = { ...(line.attributes as object), edi_change: type };
      } else if (type === "NC") {
        // No change to this line.
      } else if (CHANGES.has(type)) {
        const quantity = changed.ordered_quantity ?? changed.quantity;
        if (quantity !== null) line.quantity = quantity;
        if (changed.uom) line.uom = changed.uom.toUpperCase();
        if (changed.unit_price !== null) line.unit_price = changed.unit_price;
        const item = changed.vendor_part_number ?? (type === "RZ" ? (changed.buyer_part_number ?? changed.upc) : null);
        if (item) line.item_external_id = item;
        const requested = changed.dates.find((date) => date.qualifier === "002")?.date;
        if (requested) line.requested_date = requested;
        line.extended_price = extended(line.quantity, line.unit_price);
        line.attributes = { ...(line.attributes as object), edi_change: type };
      } else {
        problems.push(
          atSegment(c.set, segment, `POC02 ${JSON.stringify(type)} is not a change type Crossdock applies`, {
            position: 2,
            code: "7",
          }),
        );
      }
    });
  }
  if (problems.length > 0) return rejected("map", problems);
  lines.sort((a, b) => Number(a.line_number) - Number(b.line_number));
  if (order.total_amount !== null && order.total_amount !== undefined) {
    let total = 0n;
    for (const line of lines) if (line.status !== "cancelled") total += toMicros(line.extended_price) ?? 0n;
    order.total_amount = fromMicros(total);
  }
  const requested = change.dates.find((date) => date.qualifier === "002")?.date;
  if (requested) order.requested_date = requested;
  const shipTo = change.parties.find((party) => party.role === "ST")?.id;
  if (shipTo) order.ship_to_external_id = shipTo;
  order.attributes = {
    ...(order.attributes as object),
    edi_change_purpose: change.purpose,
    edi_change_sequence: change.change_sequence,
    edi_changed_on: change.change_date,
    edi_last_change_set: c.set.controlNumber,
  };
  return writeRecords(c, [{ type: "sales_order", row: order }]);
}
