/** A segment as its id followed by its elements: `["N1", "ST", "Main plant"]`. */
export type Segment = readonly string[];

export type Separators = { element: string; segment: string; component: string; newline: boolean };

export type X12Party = { qualifier: string; id: string };

export type Envelope = {
  sender: X12Party;
  receiver: X12Party;
  /** GS02 and GS03. */
  applicationSender: string;
  applicationReceiver: string;
  /** ISA13, and GS06 for the one functional group inside: 1 to 999,999,999. */
  controlNumber: number;
  usage: "P" | "T";
  at: Date;
  /** GS01: PR for an 855, PO for an 850. */
  functionalId: "PR" | "PO";
  transactionSetId: "855" | "850";
};

/**
 * What may go inside an element: printable ASCII (translators reject the rest: "é" becomes "e"),
 * no separator of this interchange, no line break, at most `max` characters.
 */
export function element(value: string | number, separators: Separators, max = 80): string {
  const forbidden = new Set([separators.element, separators.segment, separators.component]);
  return [
    ...String(value)
      .normalize("NFKD")
      .replace(/[\u2013\u2014]/g, "-")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/\s+/g, " ")
      .trim(),
  ]
    .map((char) => (forbidden.has(char) ? " " : char))
    .join("")
    .slice(0, max)
    .trim();
}

const fixed = (value: string, width: number) => value.slice(0, width).padEnd(width, " ");
const pad9 = (value: number) => String(value).padStart(9, "0");

function dateParts(at: Date) {
  const iso = at.toISOString();
  return { ccyymmdd: iso.slice(0, 10).replace(/-/g, ""), hhmm: iso.slice(11, 16).replace(":", "") };
}

/**
 * One X12 004010 interchange holding one functional group with one transaction set: the ISA at
 * its fixed 106 characters, GS, ST … SE (SE01 counts ST and SE themselves), GE and IEA, the group
 * and interchange control numbers equal to `controlNumber`.
 */
export function writeInterchange(envelope: Envelope, body: Segment[], separators: Separators): string {
  const { ccyymmdd, hhmm } = dateParts(envelope.at);
  const control = pad9(envelope.controlNumber);
  const group = String(envelope.controlNumber);
  const isa = [
    "ISA",
    "00",
    fixed("", 10),
    "00",
    fixed("", 10),
    fixed(envelope.sender.qualifier, 2),
    fixed(envelope.sender.id, 15),
    fixed(envelope.receiver.qualifier, 2),
    fixed(envelope.receiver.id, 15),
    ccyymmdd.slice(2),
    hhmm,
    "U",
    "00401",
    control,
    "0",
    envelope.usage,
    separators.component,
  ];
  const transaction = "0001";
  const set: Segment[] = [["ST", envelope.transactionSetId, transaction], ...body];
  set.push(["SE", String(set.length + 1), transaction]);
  const segments: Segment[] = [
    ["GS", envelope.functionalId, envelope.applicationSender, envelope.applicationReceiver, ccyymmdd, hhmm, group, "X", "004010"],
    ...set,
    ["GE", "1", group],
    ["IEA", "1", control],
  ];
  const write = (segment: Segment) => {
    const elements = [...segment];
    while (elements.length > 1 && elements[elements.length - 1] === "") elements.pop();
    return elements.join(separators.element) + separators.segment;
  };
  // The ISA keeps its padded elements: it is fixed width, and a reader finds the separators in it.
  const lines = [isa.join(separators.element) + separators.segment, ...segments.map(write)];
  return separators.newline ? `${lines.join("\n")}\n` : lines.join("");
}
