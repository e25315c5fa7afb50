import { components, element, type X12Segment } from "../segment.ts";

/** A party of an N1 loop: N1, then N2 (more name), N3 (address), N4 (place), PER (contacts), REF. */
export type X12Party = {
  /** N101: ST ship-to, BT bill-to, BY buyer, SE seller, SF ship-from, VN vendor, RI remit-to, … */
  role: string;
  name: string;
  /** N103 and N104: 92 assigned by buyer, 1 DUNS, UL GLN, ZZ mutually defined, … */
  id_qualifier: string;
  id: string;
  address_lines: string[];
  city: string;
  region: string;
  postal_code: string;
  country: string;
  contacts: X12Contact[];
  references: X12Reference[];
};

export type X12Contact = { function: string; name: string; phone: string; email: string; fax: string };
export type X12Reference = { qualifier: string; value: string; description: string };
/** A DTM (or G62) date: its qualifier ("002" delivery requested, "011" shipped, …) and the date as YYYY-MM-DD. */
export type X12Date = { qualifier: string; date: string | null; time: string };
/** A product id pair: qualifier (BP buyer's part, VP/VN vendor's, UP UPC, EN EAN, UK GTIN, MG manufacturer's) and id. */
export type X12ProductId = { qualifier: string; id: string };

/** The part numbers a line names, by whose numbering they are. */
export type X12PartNumbers = {
  buyer_part_number: string | null;
  vendor_part_number: string | null;
  upc: string | null;
  manufacturer_part_number: string | null;
};

const DIGITS = /^\d+$/;
const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)$/;

/** CCYYMMDD (or YYMMDD, read as 19YY from 70 on and 20YY before) as YYYY-MM-DD; null when not a day that exists. */
export function isoDate(raw: string): string | null {
  const value = raw.trim();
  if (!DIGITS.test(value) || (value.length !== 8 && value.length !== 6)) return null;
  const full = value.length === 8 ? value : `${Number(value.slice(0, 2)) >= 70 ? "19" : "20"}${value}`;
  const [year, month, day] = [Number(full.slice(0, 4)), Number(full.slice(4, 6)), Number(full.slice(6, 8))];
  // A day that does not exist (30 February) rolls over into the next month.
  const rolled = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || rolled.getUTCMonth() !== month - 1 || rolled.getUTCDate() !== day) return null;
  return `${full.slice(0, 4)}-${full.slice(4, 6)}-${full.slice(6, 8)}`;
}

/** An X12 "R" number as an exact decimal string ("12.50" stays "12.50"); null when empty or not a number. */
export function decimal(raw: string): string | null {
  const value = raw.trim();
  return DECIMAL.test(value) ? value : null;
}

/** An "N2" number (implied two decimals, as TDS01 and SAC05): "36596" is "365.96". */
export function impliedDecimal(raw: string, places = 2): string | null {
  const value = raw.trim();
  if (!/^-?\d+$/.test(value)) return decimal(value);
  const negative = value.startsWith("-");
  const digits = (negative ? value.slice(1) : value).padStart(places + 1, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

/** Element n, or null when empty. */
export function optional(segment: X12Segment, n: number): string | null {
  const value = element(segment, n);
  return value === "" ? null : value;
}

/** Qualifier/id pairs from element `from` on (PO106/PO107, PO108/PO109, … ; LIN02/LIN03, …). */
export function productIds(segment: X12Segment, from: number): X12ProductId[] {
  const ids: X12ProductId[] = [];
  for (let n = from; n + 1 < segment.elements.length; n += 2) {
    const id = element(segment, n + 1);
    if (id) ids.push({ qualifier: element(segment, n), id });
  }
  return ids;
}

export function partNumbers(ids: X12ProductId[]): X12PartNumbers {
  const find = (...qualifiers: string[]) => ids.find((id) => qualifiers.includes(id.qualifier))?.id ?? null;
  return {
    buyer_part_number: find("BP", "IN", "CB"),
    vendor_part_number: find("VP", "VN", "VA", "SK"),
    upc: find("UP", "UK", "EN", "UA", "UI"),
    manufacturer_part_number: find("MG", "MF"),
  };
}

export const reference = (segment: X12Segment): X12Reference => ({
  qualifier: element(segment, 1),
  value: element(segment, 2),
  description: element(segment, 3),
});

export const date = (segment: X12Segment): X12Date => ({
  qualifier: element(segment, 1),
  date: isoDate(element(segment, 2)),
  time: element(segment, 3),
});

/** The date with the first of the qualifiers given, if any. */
export function dateOf(dates: X12Date[], ...qualifiers: string[]): string | null {
  for (const qualifier of qualifiers) {
    const found = dates.find((entry) => entry.qualifier === qualifier && entry.date);
    if (found) return found.date;
  }
  return null;
}

export const description = (segment: X12Segment) => element(segment, 5) || components(segment, 5).join(" ").trim();

function contact(segment: X12Segment): X12Contact {
  const found: X12Contact = { function: element(segment, 1), name: element(segment, 2), phone: "", email: "", fax: "" };
  for (let n = 3; n + 1 < segment.elements.length; n += 2) {
    const value = element(segment, n + 1);
    const qualifier = element(segment, n);
    if (qualifier === "TE" && !found.phone) found.phone = value;
    else if (qualifier === "EM" && !found.email) found.email = value;
    else if (qualifier === "FX" && !found.fax) found.fax = value;
  }
  return found;
}

/** Whether a segment continues an N1 loop. */
const PARTY_DETAIL = new Set(["N2", "N3", "N4", "PER", "REF"]);

/** Reads the N1 loop starting at `segments[start]`; returns the party and the index after it. */
export function readParty(segments: X12Segment[], start: number): { party: X12Party; next: number } {
  const n1 = segments[start] as X12Segment;
  const party: X12Party = {
    role: element(n1, 1),
    name: element(n1, 2),
    id_qualifier: element(n1, 3),
    id: element(n1, 4),
    address_lines: [],
    city: "",
    region: "",
    postal_code: "",
    country: "",
    contacts: [],
    references: [],
  };
  let at = start + 1;
  for (; at < segments.length; at++) {
    const segment = segments[at] as X12Segment;
    if (!PARTY_DETAIL.has(segment.id)) break;
    if (segment.id === "N2") party.name = [party.name, element(segment, 1), element(segment, 2)].filter(Boolean).join(" ");
    else if (segment.id === "N3") party.address_lines.push(...[element(segment, 1), element(segment, 2)].filter(Boolean));
    else if (segment.id === "N4") {
      party.city = element(segment, 1);
      party.region = element(segment, 2);
      party.postal_code = element(segment, 3);
      party.country = element(segment, 4);
    } else if (segment.id === "PER") party.contacts.push(contact(segment));
    else party.references.push(reference(segment));
  }
  return { party, next: at };
}

/**
 * Header details most sets share (REF, DTM, CUR, ITD, TD5, N1 loops, MSG/NTE), collected from a
 * run of segments. Segments it does not know are left to the caller.
 */
export type X12HeaderDetails = {
  currency: string | null;
  references: X12Reference[];
  dates: X12Date[];
  parties: X12Party[];
  payment_terms: string | null;
  shipping_method: string | null;
  carrier: string | null;
  notes: string[];
};

export function emptyHeader(): X12HeaderDetails {
  return {
    currency: null,
    references: [],
    dates: [],
    parties: [],
    payment_terms: null,
    shipping_method: null,
    carrier: null,
    notes: [],
  };
}

/** Takes `segments[at]` into the header if it is a header detail; returns the index after what it took, or -1. */
export function takeHeaderDetail(header: X12HeaderDetails, segments: X12Segment[], at: number): number {
  const segment = segments[at] as X12Segment;
  switch (segment.id) {
    case "N1": {
      const { party, next } = readParty(segments, at);
      header.parties.push(party);
      return next;
    }
    case "CUR":
      header.currency = optional(segment, 2);
      return at + 1;
    case "REF":
      header.references.push(reference(segment));
      return at + 1;
    case "DTM":
      header.dates.push(date(segment));
      return at + 1;
    case "ITD":
      header.payment_terms = optional(segment, 12) ?? termsText(segment);
      return at + 1;
    case "TD5":
      header.carrier = optional(segment, 3) ?? header.carrier;
      header.shipping_method = optional(segment, 5) ?? header.shipping_method;
      return at + 1;
    case "MSG":
    case "NTE": {
      const text = segment.id === "MSG" ? element(segment, 1) : element(segment, 2);
      if (text) header.notes.push(text);
      return at + 1;
    }
    default:
      return -1;
  }
}

/** ITD without a description: "2% 10 NET 30" from the discount percent, discount days and net days. */
function termsText(segment: X12Segment): string | null {
  const percent = element(segment, 3);
  const discountDays = element(segment, 5);
  const netDays = element(segment, 7);
  const parts = [percent && discountDays ? `${percent}% ${discountDays}` : "", netDays ? `NET ${netDays}` : ""].filter(Boolean);
  return parts.length > 0 ? parts.join(" ") : null;
}
