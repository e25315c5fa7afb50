import { namesAKind } from "../classify/classify-document.ts";
import type { DocumentKind } from "../classify/document-kinds.ts";
import type { PageText, PageWord } from "../text/page-text.ts";
import type { ExtractedValue } from "./extracted.ts";
import { afterLabel } from "./label-cells.ts";
import { type Cell, cellsOf, linesOf, locate } from "./page-lines.ts";

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
      ["bill_to", ["bill to", "sold to", "invoice to"]],
      ["ship_to", ["ship to", "shipped to", "deliver to"]],
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

/** "Toledo, OH 43604", "FORT WORTH, TX 76102", "Cleveland, OH  44114-2301". */
const CITY_LINE = /^(.+?),?\s+([A-Z]{2})\s+(\d{5}(?:-\d{4})?)$/i;
const PHONE = /^(?:tel|phone|ph)\.?:?\s+(\+?[\d\s().-]{7,})$/i;

type Row = { cells: Cell[]; top: number; bottom: number };

function rowsOf(page: PageText): Row[] {
  return linesOf(page).map((line) => ({
    cells: cellsOf(line),
    top: Math.min(...line.map((word) => word.box.y0)),
    bottom: Math.max(...line.map((word) => word.box.y1)),
  }));
}

const charWidth = (cell: Cell) => (cell.x1 - cell.x0) / Math.max(1, cell.text.length);

/**
 * The block of lines that starts with `first` (words at the block's left edge on row `row`) and
 * goes on down the rows whose cell starts at the same edge (or, `centred`, overlaps it), until a
 * gap, a label or six lines.
 */
function blockFrom(rows: Row[], row: number, first: PageWord[], isLabel: (cell: Cell) => boolean, centred = false): PageWord[][] {
  const x0 = first[0]?.box.x0 ?? 0;
  const x1 = first.at(-1)?.box.x1 ?? 0;
  // A centred letterhead's lines share its middle, not its left edge.
  const under = (candidate: Cell) =>
    centred
      ? Math.min(candidate.x1, x1) - Math.max(candidate.x0, x0) > 0
      : Math.abs(candidate.x0 - x0) <= 2 * charWidth(candidate);
  const lines: PageWord[][] = [first];
  let bottom = (rows[row] as Row).bottom;
  const height = (rows[row] as Row).bottom - (rows[row] as Row).top;
  for (const next of rows.slice(row + 1)) {
    if (lines.length >= 6 || next.top - bottom > 1.8 * height) break;
    const cell = next.cells.find(under);
    if (!cell || isLabel(cell)) break;
    lines.push(cell.words);
    bottom = next.bottom;
  }
  return lines;
}

/** A party's fields from its block's lines: name, address lines, city, region, postal code, phone. */
function partyFields(role: string, lines: PageWord[][], page: number, confidence: number): Record<string, ExtractedValue> {
  // One-line letterheads: "6535 Industrial Pkwy · Toledo, OH 43604 · Tel +1 555 010 1773".
  const segments = lines.flatMap((line) => {
    const parts: PageWord[][] = [[]];
    for (const word of line) {
      if (word.text === "·" || word.text === "|") parts.push([]);
      else (parts.at(-1) as PageWord[]).push(word);
    }
    return parts.filter((part) => part.length > 0);
  });
  const fields: Record<string, ExtractedValue> = {};
  const put = (field: string, words: PageWord[], value = words.map((word) => word.text).join(" ")) => {
    const lowest = Math.min(...words.map((word) => (word.confidence ?? 100) / 100));
    fields[`${role}_${field}`] = {
      value,
      printed: words.map((word) => word.text).join(" "),
      confidence: Math.round(confidence * lowest * 100) / 100,
      location: locate(words, page),
    };
  };
  const [name, ...rest] = segments;
  if (!name) return fields;
  put("name", name);
  let addressLines = 0;
  for (const segment of rest) {
    const text = segment.map((word) => word.text).join(" ");
    const city = CITY_LINE.exec(text);
    const phone = PHONE.exec(text);
    if (city) {
      const cityWords = segment.filter((word) => word.box.x1 <= (segment.at(-2) as PageWord).box.x0);
      put("city", cityWords, (city[1] as string).replace(/,$/, ""));
      put("region", [segment.at(-2) as PageWord], (city[2] as string).toUpperCase());
      put("postal_code", [segment.at(-1) as PageWord], city[3] as string);
    } else if (phone) {
      put("phone", segment.slice(1), (phone[1] as string).trim());
    } else if (!fields[`${role}_city`] && addressLines < 2 && /\d|\b(box|suite|dock|floor|building)\b/i.test(text)) {
      addressLines += 1;
      put(`address_line${addressLines}`, segment);
    }
  }
  return fields;
}

/**
 * A document's parties: each block under (or after) its label — "Vendor", "Ship To", "Bill to:",
 * "SHIP FROM", "Consignee", "Submitted to" — and the letterhead (the writer: the buyer of a PO, the
 * supplier of an invoice, the carrier of a POD), read as name, address lines, city, region, postal
 * code and phone. A labelled block wins over the letterhead for the same role.
 */
export function extractParties(kind: DocumentKind, pages: PageText[]): Record<string, ExtractedValue> {
  const spec = PARTY_LABELS[kind];
  const page = pages[0];
  if (!spec || !page) return {};
  const rows = rowsOf(page);
  const labels = spec.blocks.flatMap(([, names]) => names.map((name) => name.split(" ")));
  const isLabel = (cell: Cell) => labels.some((label) => afterLabel(cell, label) !== null) || /:\s*\S/.test(cell.text);
  const fields: Record<string, ExtractedValue> = {};
  for (const [role, names] of spec.blocks) {
    const start = findBlock(rows, names, isLabel);
    if (start) Object.assign(fields, partyFields(role, blockFrom(rows, start.row, start.words, isLabel), page.page, 0.85));
  }
  if (spec.letterhead && !fields[`${spec.letterhead}_address_line1`]) {
    const head = letterhead(rows, isLabel);
    if (head) {
      const read = partyFields(spec.letterhead, head.lines, page.page, 0.75);
      for (const [field, value] of Object.entries(read)) fields[field] ??= value;
    }
  }
  if (kind === "proof_of_delivery" && fields.carrier_name) {
    fields.carrier = fields.carrier_name;
    for (const field of Object.keys(fields)) if (field.startsWith("carrier_")) delete fields[field];
  }
  return fields;
}

/**
 * Where a labelled block starts: after its label in the label's own cell when the label ends with a
 * colon ("To:  Harbor …", "VENDOR:  HARBOR …"), else in the cell beside an exact label, else in the
 * cell under it (the cell that stands under the label, which may be centred over its block). A
 * label spaced out over two cells ("SHIP  FROM") is read as one.
 */
function findBlock(rows: Row[], names: string[], isLabel: (cell: Cell) => boolean): { row: number; words: PageWord[] } | null {
  for (const name of names) {
    const label = name.split(" ");
    for (const [index, row] of rows.entries()) {
      for (const [column, single] of row.cells.entries()) {
        const next = row.cells[column + 1];
        const joined = next && next.x0 - single.x1 < 4 * charWidth(single) ? mergeCells(single, next) : null;
        for (const [cell, used] of [[single, 1], ...(joined ? [[joined, 2]] : [])] as [Cell, number][]) {
          const rest = afterLabel(cell, label);
          if (rest === null) continue;
          const colon = /:$/.test(cell.words[cell.words.length - rest.length - 1]?.text ?? "");
          if (rest.length > 0) {
            if (colon) return { row: index, words: rest };
            continue;
          }
          const beside = row.cells[column + used];
          if (colon && beside && !isLabel(beside) && beside.x0 - cell.x1 < 20 * charWidth(cell))
            return { row: index, words: beside.words };
          const below = rows[index + 1]?.cells.find(
            (candidate) =>
              Math.min(candidate.x1, cell.x1) - Math.max(candidate.x0, cell.x0) > 0 ||
              Math.abs(candidate.x0 - cell.x0) <= 2 * charWidth(candidate),
          );
          if (below && !isLabel(below)) return { row: index + 1, words: below.words };
        }
      }
    }
  }
  return null;
}

const mergeCells = (a: Cell, b: Cell): Cell => ({
  text: `${a.text} ${b.text}`,
  words: [...a.words, ...b.words],
  x0: a.x0,
  x1: b.x1,
});

/** The writer's block at the top of the first page: the first cell of the first rows that reads as a name. */
function letterhead(rows: Row[], isLabel: (cell: Cell) => boolean): { lines: PageWord[][] } | null {
  for (const [index, row] of rows.slice(0, 3).entries()) {
    const cell = row.cells.find(
      (candidate) =>
        /\p{L}{2}/u.test(candidate.text) && !/\d/.test(candidate.text) && !namesAKind(candidate.text) && !isLabel(candidate),
    );
    if (cell) return { lines: blockFrom(rows, index, cell.words, isLabel, true) };
  }
  return null;
}
