import { element, type X12Segment } from "../segment.ts";
import type { X12TransactionSet } from "../types.ts";
import { decimal, emptyHeader, isoDate, optional, takeHeaderDetail, type X12HeaderDetails } from "./common.ts";
import { orderLine, takeLineDetail, type X12OrderLine } from "./order-line.ts";

/** What an ACK01 line status means. */
export type X12LineStatus = "accepted" | "changed" | "backordered" | "rejected" | "other";

const STATUSES: Record<string, X12LineStatus> = {
  IA: "accepted",
  AC: "accepted",
  AR: "accepted",
  IB: "backordered",
  BP: "backordered",
  IC: "changed",
  IP: "changed",
  IQ: "changed",
  IS: "changed",
  DR: "changed",
  ID: "rejected",
  IR: "rejected",
  R1: "rejected",
  R2: "rejected",
  R3: "rejected",
  R4: "rejected",
};

export type X12LineAcknowledgment = {
  /** ACK01: IA accepted, IB backordered, IC changed, IP price changed, IQ quantity changed, IR rejected, … */
  status_code: string;
  status: X12LineStatus;
  quantity: string | null;
  uom: string | null;
  /** ACK04/ACK05: 068 (current schedule ship), 067 (delivery), … */
  date_qualifier: string | null;
  date: string | null;
};

/** An 855 purchase order acknowledgment: how the seller answers each line of a PO. */
export type X12PurchaseOrderAcknowledgment = X12HeaderDetails & {
  transaction: "855";
  control_number: string;
  purpose: string;
  /** BAK02: AD accepted as ordered, AC accepted with changes, RJ rejected, … */
  acknowledgment_type: string;
  po_number: string;
  po_date: string | null;
  release_number: string | null;
  seller_order_number: string | null;
  acknowledgment_date: string | null;
  lines: (X12OrderLine & {
    acknowledgments: X12LineAcknowledgment[];
    /** The first ACK's status. */
    status: X12LineStatus | null;
    /** CTP03, the price the seller confirms when it differs. */
    acknowledged_unit_price: string | null;
  })[];
  line_count: number | null;
};

function acknowledgment(segment: X12Segment): X12LineAcknowledgment {
  const code = element(segment, 1);
  return {
    status_code: code,
    status: STATUSES[code] ?? "other",
    quantity: decimal(element(segment, 2)),
    uom: optional(segment, 3),
    date_qualifier: optional(segment, 4),
    date: isoDate(element(segment, 5)),
  };
}

export function readPurchaseOrderAcknowledgment(set: X12TransactionSet): X12PurchaseOrderAcknowledgment {
  const ack: X12PurchaseOrderAcknowledgment = {
    transaction: "855",
    control_number: set.controlNumber,
    purpose: "",
    acknowledgment_type: "",
    po_number: "",
    po_date: null,
    release_number: null,
    seller_order_number: null,
    acknowledgment_date: null,
    ...emptyHeader(),
    lines: [],
    line_count: null,
  };
  const { segments } = set;
  let line: X12PurchaseOrderAcknowledgment["lines"][number] | null = null;
  for (let at = 0; at < segments.length; ) {
    const segment = segments[at] as X12Segment;
    if (segment.id === "BAK") {
      ack.purpose = element(segment, 1);
      ack.acknowledgment_type = element(segment, 2);
      ack.po_number = element(segment, 3);
      ack.po_date = isoDate(element(segment, 4));
      ack.release_number = optional(segment, 5);
      ack.seller_order_number = optional(segment, 8);
      ack.acknowledgment_date = isoDate(element(segment, 9));
    } else if (segment.id === "PO1") {
      line = { ...orderLine(segment), acknowledgments: [], status: null, acknowledged_unit_price: null };
      ack.lines.push(line);
    } else if (segment.id === "ACK" && line) {
      const entry = acknowledgment(segment);
      line.acknowledgments.push(entry);
      line.status ??= entry.status;
    } else if (segment.id === "CTP" && line) {
      line.acknowledged_unit_price = decimal(element(segment, 3));
    } else if (segment.id === "CTT") {
      line = null;
      ack.line_count = Number.parseInt(element(segment, 1), 10) || null;
    } else if (!(line && takeLineDetail(line, segment)) && !line) {
      const next = takeHeaderDetail(ack, segments, at);
      if (next !== -1) {
        at = next;
        continue;
      }
    }
    at += 1;
  }
  return ack;
}
