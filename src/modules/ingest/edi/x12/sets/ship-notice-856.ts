import { element, type X12Segment } from "../segment.ts";
import type { X12TransactionSet } from "../types.ts";
import {
  dateOf,
  decimal,
  emptyHeader,
  isoDate,
  optional,
  partNumbers,
  productIds,
  takeHeaderDetail,
  type X12HeaderDetails,
  type X12PartNumbers,
  type X12ProductId,
} from "./common.ts";

/** HL03: S shipment, O order, T tare (pallet), P pack (carton), I item; other codes are kept as sent. */
export type X12LevelCode = "S" | "O" | "T" | "P" | "I" | string;

/** One HL level with the details read under it. */
export type X12ShipLevel = {
  id: string;
  parent_id: string | null;
  code: X12LevelCode;
  /** Order level: PRF01 and PRF04. */
  po_number: string | null;
  po_date: string | null;
  /** Pack or tare level: MAN marks (GM = SSCC-18 label). */
  marks: string[];
  /** Item level: LIN ids and SN1 quantities. */
  item:
    | (X12PartNumbers & {
        line_number: string | null;
        product_ids: X12ProductId[];
        quantity: string | null;
        uom: string | null;
        ordered_quantity: string | null;
        lot_number: string | null;
        description: string | null;
      })
    | null;
  children: X12ShipLevel[];
};

/** A shipped item with the order and pack it came under: a shipment line. */
export type X12ShipLine = NonNullable<X12ShipLevel["item"]> & { po_number: string | null; marks: string[] };

/** An 856 ship notice (ASN): the shipment, its orders, packs and items as the HL tree says. */
export type X12ShipNotice = X12HeaderDetails & {
  transaction: "856";
  control_number: string;
  /** BSN01: 00 original, 01 cancellation, 05 replace. */
  purpose: string;
  shipment_number: string;
  notice_date: string | null;
  notice_time: string;
  /** DTM 011 (shipped), DTM 017 (estimated delivery). */
  ship_date: string | null;
  estimated_delivery_date: string | null;
  /** REF BM (bill of lading), REF CN or 2I (carrier tracking / PRO number). */
  bill_of_lading: string | null;
  tracking_numbers: string[];
  /** TD1: packages and gross weight. */
  package_count: number | null;
  weight: string | null;
  weight_uom: string | null;
  /** The HL tree, from its root levels. */
  levels: X12ShipLevel[];
  /** Every item level, flattened with its order's PO number and its pack's marks. */
  lines: X12ShipLine[];
  /** CTT01: the number of HL levels the sender counted. */
  level_count: number | null;
};

function newLevel(hl: X12Segment): X12ShipLevel {
  return {
    id: element(hl, 1),
    parent_id: element(hl, 2) || null,
    code: element(hl, 3),
    po_number: null,
    po_date: null,
    marks: [],
    item: null,
    children: [],
  };
}

function itemOf(level: X12ShipLevel): NonNullable<X12ShipLevel["item"]> {
  level.item ??= {
    line_number: null,
    product_ids: [],
    ...partNumbers([]),
    quantity: null,
    uom: null,
    ordered_quantity: null,
    lot_number: null,
    description: null,
  };
  return level.item;
}

/** Takes an item-, pack- or order-level segment into `level`; false when it is none of those. */
function takeLevelDetail(level: X12ShipLevel, segment: X12Segment): boolean {
  switch (segment.id) {
    case "PRF":
      level.po_number = optional(segment, 1);
      level.po_date = isoDate(element(segment, 4));
      return true;
    case "MAN":
      if (element(segment, 2)) level.marks.push(element(segment, 2));
      return true;
    case "LIN": {
      const item = itemOf(level);
      item.line_number = optional(segment, 1);
      item.product_ids = productIds(segment, 2);
      Object.assign(item, partNumbers(item.product_ids));
      return true;
    }
    case "SN1": {
      const item = itemOf(level);
      item.line_number ??= optional(segment, 1);
      item.quantity = decimal(element(segment, 2));
      item.uom = optional(segment, 3);
      item.ordered_quantity = decimal(element(segment, 5));
      return true;
    }
    case "PID": {
      const item = itemOf(level);
      const text = element(segment, 5);
      if (text) item.description = item.description ? `${item.description} ${text}` : text;
      return true;
    }
    default:
      return false;
  }
}

export function readShipNotice(set: X12TransactionSet): X12ShipNotice {
  const notice: X12ShipNotice = {
    transaction: "856",
    control_number: set.controlNumber,
    purpose: "",
    shipment_number: "",
    notice_date: null,
    notice_time: "",
    ship_date: null,
    estimated_delivery_date: null,
    bill_of_lading: null,
    tracking_numbers: [],
    package_count: null,
    weight: null,
    weight_uom: null,
    ...emptyHeader(),
    levels: [],
    lines: [],
    level_count: null,
  };
  const byId = new Map<string, X12ShipLevel>();
  const { segments } = set;
  let level: X12ShipLevel | null = null;
  for (let at = 0; at < segments.length; ) {
    const segment = segments[at] as X12Segment;
    if (segment.id === "BSN") {
      notice.purpose = element(segment, 1);
      notice.shipment_number = element(segment, 2);
      notice.notice_date = isoDate(element(segment, 3));
      notice.notice_time = element(segment, 4);
    } else if (segment.id === "HL") {
      level = newLevel(segment);
      const parent = level.parent_id ? byId.get(level.parent_id) : undefined;
      (parent ? parent.children : notice.levels).push(level);
      byId.set(level.id, level);
    } else if (segment.id === "CTT") {
      notice.level_count = Number.parseInt(element(segment, 1), 10) || null;
    } else if (segment.id === "TD1") {
      notice.package_count = Number.parseInt(element(segment, 2), 10) || notice.package_count;
      notice.weight = decimal(element(segment, 7)) ?? notice.weight;
      notice.weight_uom = optional(segment, 8) ?? notice.weight_uom;
    } else if (
      segment.id === "REF" &&
      (element(segment, 1) === "BM" || element(segment, 1) === "CN" || element(segment, 1) === "2I")
    ) {
      if (element(segment, 1) === "BM") notice.bill_of_lading ??= optional(segment, 2);
      else if (element(segment, 2)) notice.tracking_numbers.push(element(segment, 2));
      notice.references.push({ qualifier: element(segment, 1), value: element(segment, 2), description: element(segment, 3) });
    } else if (!(level && takeLevelDetail(level, segment))) {
      const next = takeHeaderDetail(notice, segments, at);
      if (next !== -1) {
        at = next;
        continue;
      }
    }
    at += 1;
  }
  notice.ship_date = dateOf(notice.dates, "011");
  notice.estimated_delivery_date = dateOf(notice.dates, "017", "067");
  collectLines(notice.levels, notice.lines);
  return notice;
}

/** Depth first, in document order, without recursion (an HL chain may be as deep as the file is long). */
function collectLines(roots: X12ShipLevel[], into: X12ShipLine[]): void {
  type Visit = { level: X12ShipLevel; po: string | null; marks: string[] };
  const stack: Visit[] = roots.map((level) => ({ level, po: null, marks: [] as string[] })).reverse();
  for (let visit = stack.pop(); visit; visit = stack.pop()) {
    const { level } = visit;
    const po = level.po_number ?? visit.po;
    const marks = level.marks.length > 0 ? level.marks : visit.marks;
    if (level.item) into.push({ ...level.item, po_number: po, marks });
    for (let child = level.children.length - 1; child >= 0; child--) {
      stack.push({ level: level.children[child] as X12ShipLevel, po, marks });
    }
  }
}
