import { element, type X12Segment, type X12TransactionSet } from "../../edi/index.ts";
import type { SegmentError } from "../acknowledge/functional-ack.ts";

/** Where in a set a record field comes from: a segment (with a qualifier in one of its elements) and an element. */
type Source = { segment: string; element: number; where?: { element: number; equals: string } };

/** The segment that starts each line of a set's view (`lines[i]`), and the segment a field of it is in. */
const LINE_START: Record<string, string> = { "850": "PO1", "855": "PO1", "810": "IT1", "860": "POC", "856": "HL" };

const HEADER: Record<string, Record<string, Source>> = {
  "850": {
    external_id: { segment: "BEG", element: 3 },
    order_number: { segment: "BEG", element: 3 },
    customer_po_number: { segment: "BEG", element: 3 },
    status: { segment: "BEG", element: 1 },
    order_date: { segment: "BEG", element: 5 },
    customer_external_id: { segment: "N1", element: 4, where: { element: 1, equals: "BY" } },
    ship_to_external_id: { segment: "N1", element: 4, where: { element: 1, equals: "ST" } },
    requested_date: { segment: "DTM", element: 2 },
    currency: { segment: "CUR", element: 2 },
    total_amount: { segment: "AMT", element: 2 },
  },
  "856": {
    external_id: { segment: "BSN", element: 2 },
    shipment_number: { segment: "BSN", element: 2 },
    status: { segment: "BSN", element: 1 },
    ship_date: { segment: "DTM", element: 2, where: { element: 1, equals: "011" } },
    estimated_delivery_at: { segment: "DTM", element: 2, where: { element: 1, equals: "017" } },
    carrier: { segment: "TD5", element: 3 },
    tracking_number: { segment: "REF", element: 2 },
    supplier_external_id: { segment: "N1", element: 4, where: { element: 1, equals: "SF" } },
    purchase_order_external_id: { segment: "PRF", element: 1 },
    package_count: { segment: "TD1", element: 2 },
    weight: { segment: "TD1", element: 7 },
    weight_uom: { segment: "TD1", element: 8 },
  },
  "810": {
    external_id: { segment: "BIG", element: 2 },
    invoice_number: { segment: "BIG", element: 2 },
    invoice_date: { segment: "BIG", element: 1 },
    purchase_order_external_id: { segment: "BIG", element: 4 },
    reference: { segment: "BIG", element: 4 },
    supplier_external_id: { segment: "N1", element: 4, where: { element: 1, equals: "SU" } },
    currency: { segment: "CUR", element: 2 },
    total_amount: { segment: "TDS", element: 1 },
    balance_due: { segment: "TDS", element: 1 },
    tax_amount: { segment: "TXI", element: 2 },
  },
};

const LINE: Record<string, Record<string, Source>> = {
  "850": {
    line_number: { segment: "PO1", element: 1 },
    quantity: { segment: "PO1", element: 2 },
    uom: { segment: "PO1", element: 3 },
    unit_price: { segment: "PO1", element: 4 },
    extended_price: { segment: "PO1", element: 4 },
    item_external_id: { segment: "PO1", element: 7 },
    customer_part_number: { segment: "PO1", element: 7 },
  },
  "810": {
    line_number: { segment: "IT1", element: 1 },
    quantity: { segment: "IT1", element: 2 },
    uom: { segment: "IT1", element: 3 },
    unit_price: { segment: "IT1", element: 4 },
    extended_amount: { segment: "IT1", element: 4 },
    item_external_id: { segment: "IT1", element: 7 },
  },
  "856": {
    item_external_id: { segment: "LIN", element: 3 },
    order_line_number: { segment: "LIN", element: 1 },
    quantity: { segment: "SN1", element: 2 },
    uom: { segment: "SN1", element: 3 },
  },
};

/** The segment that begins a set's data (a problem with no better place is put there). */
const BEGINNING: Record<string, string> = { "850": "BEG", "855": "BAK", "856": "BSN", "810": "BIG", "860": "BCH" };

/** A problem found in a set's content, at its place: the segment (and element) that carries the value. */
export type LocatedProblem = {
  /** `850 0001 › PO1 #3 (set position 12, file segment 14, byte 512) › PO102`. */
  path: string;
  message: string;
  error: SegmentError;
};

/** The i-th segment that starts a line, and the segments up to the next one. */
function lineSegments(set: X12TransactionSet, index: number): X12Segment[] {
  const start = LINE_START[set.id];
  const segments = set.segments;
  let seen = -1;
  for (let at = 0; at < segments.length; at++) {
    const segment = segments[at] as X12Segment;
    const starts = set.id === "856" ? segment.id === "HL" && element(segment, 3) === "I" : segment.id === start;
    if (!starts) continue;
    seen += 1;
    if (seen !== index) continue;
    const out = [segment];
    for (let next = at + 1; next < segments.length; next++) {
      const following = segments[next] as X12Segment;
      if (following.id === start || following.id === "CTT" || (set.id === "856" && following.id === "HL")) break;
      out.push(following);
    }
    return out;
  }
  return [];
}

function find(segments: X12Segment[], source: Source): X12Segment | undefined {
  return segments.find(
    (segment) =>
      segment.id === source.segment && (!source.where || element(segment, source.where.element) === source.where.equals),
  );
}

/** The position X12 counts in a set: ST is 1. */
export const setPosition = (set: X12TransactionSet, segment: X12Segment) => segment.index - set.header.index + 1;

/** AK403 for a problem: 1 mandatory element missing, 8 invalid date, 7 invalid code value, 6 invalid character. */
function elementCode(message: string, field: string, value: string): string {
  if (value === "") return "1";
  if (/date/.test(field)) return "8";
  if (/not in the map|is not one of|invalid option|invalid enum/i.test(message)) return "7";
  return "6";
}

export function describeSegment(set: X12TransactionSet, segment: X12Segment, suffix = ""): string {
  return `${set.id} ${set.controlNumber} › ${segment.id}${suffix} (position ${setPosition(set, segment)} in the set; segment ${segment.index}, byte ${segment.offset} of the file)`;
}

/**
 * Puts a problem about a record field (a mapping problem, `sales_order.lines[2].quantity: …`, or a
 * field named by code) at the segment and element of the set that carry it, for the receipt's
 * reason and the 997's AK3/AK4. A field with no known place is put at the set's beginning segment.
 */
export function locateField(
  set: X12TransactionSet,
  field: { name: string; line?: number | undefined },
  message: string,
): LocatedProblem {
  const table = field.line === undefined ? HEADER[set.id] : LINE[set.id];
  const source = table?.[field.name];
  const scope = field.line === undefined ? set.segments : lineSegments(set, field.line);
  const segment = source ? find(scope, source) : undefined;
  if (segment && source) {
    const value = element(segment, source.element);
    const name = `${source.segment}${String(source.element).padStart(2, "0")}`;
    const line = field.line === undefined ? "" : ` #${field.line + 1}`;
    return {
      path: `${describeSegment(set, segment, line)} › ${name}`,
      message,
      error: {
        segment: segment.id,
        position: setPosition(set, segment),
        code: "8",
        element: { position: source.element, code: elementCode(message, field.name, value), bad: value.slice(0, 99) },
      },
    };
  }
  // The value's segment is not there (a party with no N1, a line with no LIN): say so at the line or the set's beginning.
  const anchor =
    (field.line === undefined ? undefined : scope[0]) ??
    set.segments.find((candidate) => candidate.id === BEGINNING[set.id]) ??
    set.header;
  const missing = source?.segment;
  return {
    path: describeSegment(set, anchor, field.line === undefined ? "" : ` #${field.line + 1}`),
    message: missing ? `${message} (no ${missing}${source?.where ? `*${source.where.equals}` : ""} segment carries it)` : message,
    error: missing
      ? { segment: missing, position: setPosition(set, anchor), code: "3" }
      : { segment: anchor.id, position: setPosition(set, anchor), code: "8" },
  };
}

const FIELD = /^[a-z_]+\.(?:lines\[(\d+)\]\.)?([a-z_]+)/;

/** A mapping engine problem (its message starts with the record field) at its place in the set. */
export function locateMappingProblem(set: X12TransactionSet, problem: { path: string; message: string }): LocatedProblem {
  const match = FIELD.exec(problem.message);
  if (!match) return locateField(set, { name: "" }, `${problem.path}: ${problem.message}`);
  return locateField(
    set,
    { name: match[2] as string, line: match[1] === undefined ? undefined : Number(match[1]) },
    problem.message,
  );
}

/** A problem at a given segment of the set (by code that reads segments itself). */
export function atSegment(
  set: X12TransactionSet,
  segment: X12Segment,
  message: string,
  element?: { position: number; code: string },
): LocatedProblem {
  const bad = element ? (segment.elements[element.position] ?? "").trim().slice(0, 99) : "";
  return {
    path: `${describeSegment(set, segment)}${element ? ` › ${segment.id}${String(element.position).padStart(2, "0")}` : ""}`,
    message,
    error: {
      segment: segment.id,
      position: setPosition(set, segment),
      code: "8",
      ...(element ? { element: { position: element.position, code: element.code, bad } } : {}),
    },
  };
}
