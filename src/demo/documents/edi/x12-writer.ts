/** A segment as its id followed by its elements: `["N1", "ST", "Main plant"]`. */
export type Segment = readonly string[];

/** An interchange id and its qualifier: `01` DUNS, `12` phone, `ZZ` mutually defined. */
export type PartnerId = { qualifier: string; id: string };

type Interchange = {
  sender: PartnerId;
  receiver: PartnerId;
  /** `YYYY-MM-DD` and `HHMM`. */
  date: string;
  time: string;
  controlNumber: number;
  /** GS01: PO (850), IN (810), SH (856). */
  functionalId: "PO" | "IN" | "SH";
  transactionSetId: "850" | "810" | "856";
  /** The transaction set's segments between ST and SE. */
  body: Segment[];
  /** Some partners end every segment with a newline after the terminator; most send one long line. */
  newlines: boolean;
};

const ELEMENT = "*";
const SEGMENT = "~";
const COMPONENT = ">";

/**
 * What may appear inside an element: plain ASCII (translators reject the rest, so "—" becomes "-"
 * and "é" "e"), no separators, no line breaks, at most `max` characters.
 */
export function element(value: string, max = 80): string {
  return value
    .replace(/[*~>^\s]/g, " ")
    .replace(/[\u2013\u2014]/g, "-")
    .normalize("NFKD")
    .replace(/[^\x20-\x7e]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, max)
    .trim();
}

function fixed(value: string, width: number): string {
  return value.slice(0, width).padEnd(width, " ");
}

function writeSegment(segment: Segment): string {
  const elements = [...segment];
  while (elements.length > 1 && elements[elements.length - 1] === "") elements.pop();
  return elements.join(ELEMENT) + SEGMENT;
}

/**
 * Writes one X12 4010 interchange holding one functional group with one transaction set: the ISA
 * header at its fixed 106 characters, GS, ST … SE with SE01 counting ST and SE, GE and IEA.
 */
export function writeInterchange(interchange: Interchange): string {
  const control = String(interchange.controlNumber).padStart(9, "0");
  const [year = "", month = "", day = ""] = interchange.date.split("-");
  const isa: Segment = [
    "ISA",
    "00",
    fixed("", 10),
    "00",
    fixed("", 10),
    fixed(interchange.sender.qualifier, 2),
    fixed(interchange.sender.id, 15),
    fixed(interchange.receiver.qualifier, 2),
    fixed(interchange.receiver.id, 15),
    `${year.slice(2)}${month}${day}`,
    interchange.time,
    "U",
    "00401",
    control,
    "0",
    "P",
    COMPONENT,
  ];
  const group = String(interchange.controlNumber % 1_000_000_000);
  const transaction = "0001";
  const set: Segment[] = [["ST", interchange.transactionSetId, transaction], ...interchange.body];
  set.push(["SE", String(set.length + 1), transaction]);
  const segments: Segment[] = [
    isa,
    [
      "GS",
      interchange.functionalId,
      interchange.sender.id,
      interchange.receiver.id,
      `${year}${month}${day}`,
      interchange.time,
      group,
      "X",
      "004010",
    ],
    ...set,
    ["GE", "1", group],
    ["IEA", "1", control],
  ];
  // The ISA keeps its padded empty elements: it is fixed width.
  const lines = segments.map((segment, index) => (index === 0 ? segment.join(ELEMENT) + SEGMENT : writeSegment(segment)));
  return lines.join(interchange.newlines ? "\n" : "") + (interchange.newlines ? "\n" : "");
}
