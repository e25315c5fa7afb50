import type { X12OutboundSegment } from "./writer.ts";

/** A party to write as an N1 loop; the same fields the reader gives (`X12Party`), most optional. */
export type X12PartyInput = {
  /** N101: ST ship-to, SF ship-from, BT bill-to, RI remit-to, BY buyer, SE seller, … */
  role: string;
  name: string;
  id_qualifier?: string;
  id?: string;
  address_lines?: string[];
  city?: string;
  region?: string;
  postal_code?: string;
  country?: string;
};

export function partySegments(party: X12PartyInput): X12OutboundSegment[] {
  const segments: X12OutboundSegment[] = [
    ["N1", party.role, party.name, ...(party.id ? [party.id_qualifier ?? "92", party.id] : [])],
  ];
  const lines = party.address_lines ?? [];
  for (let at = 0; at < lines.length; at += 2) segments.push(["N3", lines[at] ?? "", lines[at + 1] ?? ""]);
  if (party.city || party.region || party.postal_code || party.country) {
    segments.push(["N4", party.city ?? "", party.region ?? "", party.postal_code ?? "", party.country ?? ""]);
  }
  return segments;
}

/** CCYYMMDD from an ISO date (YYYY-MM-DD). */
export const date8 = (isoDate: string) => isoDate.slice(0, 10).replace(/-/g, "");
