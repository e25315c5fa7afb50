import { namesAKind } from "../classify/classify-document.ts";
import type { DocumentKind } from "../classify/document-kinds.ts";
import type { PageText, PageWord } from "../text/page-text.ts";
import { readPostalLine } from "../values/postal-line.ts";
import type { ExtractedValue } from "./extracted.ts";
import { afterLabel } from "./label-cells.ts";
import type { Cell } from "./page-lines.ts";
import { partyFields } from "./party-block.ts";
import { blockFrom, findBlock, type Row, rowsOf } from "./party-rows.ts";
import { recipientBlock } from "./recipient-block.ts";
import { sellerIdentity } from "./seller-identity.ts";
import { tradeName } from "./trade-name.ts";

/** Who a kind's party blocks are: the role each label names, and the role of the letterhead (who wrote it). */
const PARTY_LABELS: Partial<Record<DocumentKind, { letterhead?: string; blocks: [string, string[]][] }>> = {
  purchase_order: {
    letterhead: "buyer",
    blocks: [
      ["vendor", ["vendor", "supplier", "to"]],
      ["ship_to", ["ship to", "deliver to"]],
      ["buyer", ["bill to", "invoice to"]],
    ],
  },
  invoice: {
    letterhead: "supplier",
    blocks: [
      [
        "supplier",
        [
          "service provider",
          "sold by",
          "seller",
          "supplier",
          "vendor",
          "from",
          "leverancier",
          "fournisseur",
          "vendeur",
          "lieferant",
        ],
      ],
      [
        "bill_to",
        [
          "bill to",
          "sold to",
          "invoice to",
          "bill to address",
          "billing address",
          "factuuradres",
          "adresse de facturation",
          "rechnungsadresse",
        ],
      ],
      [
        "ship_to",
        ["ship to", "shipped to", "deliver to", "shipping address", "afleveradres", "adresse de livraison", "lieferadresse"],
      ],
    ],
  },
  ship_notice: {
    letterhead: "supplier",
    blocks: [
      ["supplier", ["ship from", "shipped from", "shipper", "vendor", "supplier", "from"]],
      ["ship_to", ["ship to", "shipped to", "deliver to", "delivery address", "lieferadresse", "afleveradres"]],
      ["bill_to", ["bill to", "sold to"]],
    ],
  },
  bill_of_lading: {
    blocks: [
      ["shipper", ["ship from", "shipper"]],
      ["consignee", ["ship to", "consignee"]],
    ],
  },
  proof_of_delivery: {
    letterhead: "carrier",
    blocks: [
      ["shipper", ["shipper"]],
      ["consignee", ["consignee"]],
    ],
  },
  rebate_claim: { letterhead: "distributor", blocks: [["supplier", ["submitted to"]]] },
};
// A supplier's credit note is laid out as its invoices are.
PARTY_LABELS.credit_note = PARTY_LABELS.invoice;

/**
 * A document's parties: each block under (or after) its label — "Vendor", "Ship To", "Bill to:",
 * "SHIP FROM", "Consignee", "Submitted to", "Service Provider:" — and the letterhead (the writer:
 * the buyer of a PO, the supplier of an invoice, the carrier of a POD), read as name, address
 * lines, city, region, postal code, country and phone. A labelled block wins over the letterhead
 * for the same role. An invoice's seller is also read from its legal footer, with its identifiers
 * and contacts (`sellerIdentity`); its recipient, where no label names it, from an address block
 * at the top of the page.
 */
export function extractParties(kind: DocumentKind, pages: PageText[]): Record<string, ExtractedValue> {
  const spec = PARTY_LABELS[kind];
  const page = pages[0];
  if (!spec || !page) return {};
  const rows = rowsOf(page);
  const labels = spec.blocks.flatMap(([, names]) => names.map((name) => name.split(" ")));
  const isLabel = (cell: Cell) => labels.some((label) => afterLabel(cell, label) !== null) || /:\s*\S/.test(cell.text);
  const fields: Record<string, ExtractedValue> = {};
  const blocks: [string, PageWord[][]][] = [];
  for (const [role, names] of spec.blocks) {
    const start = findBlock(rows, names, isLabel);
    if (!start) continue;
    const lines = blockFrom(rows, start.row, start.words, isLabel);
    blocks.push([role, lines]);
    Object.assign(fields, partyFields(role, lines, page.page, 0.85));
  }
  const labelled = new Set(blocks.map(([role]) => role));
  const writer = spec.letterhead;
  // The lines the writer's fields are read from: its labelled block, else (or also) its letterhead.
  let own = blocks.find(([role]) => role === writer)?.[1] ?? [];
  if (writer && !fields[`${writer}_address_line1`]) {
    const head = letterhead(rows, isLabel);
    if (head) {
      const read = partyFields(writer, head.lines, page.page, 0.75);
      for (const [field, value] of Object.entries(read)) fields[field] ??= value;
      own = [...own, ...head.lines];
    }
  }
  if (kind === "invoice" || kind === "credit_note") {
    const others = blocks.filter(([role]) => role !== "supplier").flatMap(([, lines]) => lines);
    const seller = sellerIdentity(pages, fields, { labelled: labelled.has("supplier"), own, others, isLabel });
    for (const field of Object.keys(fields)) if (field.startsWith("supplier_")) delete fields[field];
    Object.assign(fields, seller.fields);
    const trading = tradeName(pages, fields);
    if (trading) fields.supplier_trade_name = trading;
    if (!labelled.has("bill_to")) {
      const taken = new Set([...seller.own, ...blocks.flatMap(([, lines]) => lines)].flat());
      const recipient = recipientBlock(rows, page.height, (word) => taken.has(word));
      if (recipient) Object.assign(fields, partyFields("bill_to", recipient, page.page, 0.7));
    }
  }
  if (kind === "proof_of_delivery" && fields.carrier_name) {
    fields.carrier = fields.carrier_name;
    for (const field of Object.keys(fields)) if (field.startsWith("carrier_")) delete fields[field];
  }
  return fields;
}

/** Whether a cell reads as a name: letters, no digits, at most six words, no label, title, email or web address. */
const isName = (cell: Cell, isLabel: (cell: Cell) => boolean) =>
  /\p{L}{2}/u.test(cell.text) &&
  !/\d|@|www\.|https?:/.test(cell.text) &&
  cell.words.length <= 6 &&
  !namesAKind(cell.text) &&
  !isLabel(cell);

/**
 * The writer's block at the top of the first page: of the names in its first rows, the first
 * with an address under it (a city line: a tagline or a heading standing alone is passed over),
 * else the first.
 */
function letterhead(rows: Row[], isLabel: (cell: Cell) => boolean): { lines: PageWord[][] } | null {
  let first: { lines: PageWord[][] } | null = null;
  for (const [index, row] of rows.slice(0, 3).entries()) {
    for (const cell of row.cells.filter((candidate) => isName(candidate, isLabel))) {
      const lines = blockFrom(rows, index, cell.words, isLabel, true);
      if (lines.slice(1).some((line) => readPostalLine(line.map((word) => word.text).join(" ")))) return { lines };
      first ??= { lines };
    }
  }
  return first;
}
