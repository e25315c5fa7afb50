/** How far a document may stray from the records before a person looks: price and quantity, as fractions. */
export type Tolerances = { price: number; quantity: number };

/** The shipped tolerances: a price 1% over the PO's cost or the agreed price, and no quantity over what was received. */
export const DEFAULT_TOLERANCES: Tolerances = { price: 0.01, quantity: 0 };

/** What a document was matched to in the records: customer or supplier, PO, each line's item (null when none). */
export type RecordMatches = {
  source_system: string | null;
  customer_external_id?: string;
  supplier_external_id?: string;
  purchase_order_external_id?: string;
  shipment_external_id?: string;
  line_items: (string | null)[];
  /** Each line's PO line number, where a supplier's document was matched line by line to its PO. */
  purchase_order_lines?: (number | null)[];
};

export type Validation = { checks: import("../extract/read-document.ts").DocumentCheck[]; matches: RecordMatches };

/** A document's values as read (field → value, each line's field → value), what validation compares. */
export type ReadValues = { fields: Record<string, string>; lines: Record<string, string>[] };

export const readValuesOf = (document: {
  fields: Record<string, { value: string }>;
  lines: { fields: Record<string, { value: string }> }[];
}): ReadValues => ({
  fields: Object.fromEntries(Object.entries(document.fields).map(([field, value]) => [field, value.value])),
  lines: document.lines.map((line) =>
    Object.fromEntries(Object.entries(line.fields).map(([field, value]) => [field, value.value])),
  ),
});
