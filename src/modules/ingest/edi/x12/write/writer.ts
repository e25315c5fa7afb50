import type { X12Separators } from "../segment.ts";

/** An element to write: a value, or the components of a composite element. */
export type X12OutboundElement = string | number | readonly (string | number)[];
/** A segment to write: its id, then its elements (`["N1", "ST", "Main plant", "92", "DC1"]`). */
export type X12OutboundSegment = readonly [string, ...X12OutboundElement[]];

export type X12PartnerId = { qualifier: string; id: string };

export type X12OutboundSet = {
  /** ST01: "855", "856", "810", "997", … */
  id: string;
  /** ST02: 4 to 9 characters; a number is padded to 4 digits. */
  controlNumber: number | string;
  /** ST03 (5010 and later). */
  implementation?: string;
  /** The segments between ST and SE. */
  segments: readonly X12OutboundSegment[];
};

export type X12OutboundGroup = {
  functionalId: string;
  applicationSender: string;
  applicationReceiver: string;
  /** GS06: 1 to 999,999,999. */
  controlNumber: number;
  /** GS08. */
  version: string;
  sets: readonly X12OutboundSet[];
};

export type X12OutboundInterchange = {
  sender: X12PartnerId;
  receiver: X12PartnerId;
  /** ISA13: 1 to 999,999,999, written as nine digits. */
  controlNumber: number;
  at: Date;
  usage: "P" | "T";
  /** ISA12; "00401" unless given. */
  version?: string;
  acknowledgmentRequested?: boolean;
  separators?: Partial<Omit<X12Separators, "lineTerminated">>;
  /** TA1 interchange acknowledgments, written after the ISA and before the first group. */
  acknowledgments?: readonly X12OutboundSegment[];
  /** None for an interchange that carries TA1s only. */
  groups: readonly X12OutboundGroup[];
};

export const DEFAULT_SEPARATORS: Omit<X12Separators, "lineTerminated"> = {
  element: "*",
  component: ">",
  repetition: "^",
  segment: "~",
  lineBreaks: false,
};

const MAX_CONTROL = 999_999_999;

function controlNumber(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 1 || value > MAX_CONTROL) {
    throw new RangeError(`${what} must be an integer from 1 to ${MAX_CONTROL}, not ${value}`);
  }
  return value;
}

function setControl(value: number | string): string {
  const text = typeof value === "number" ? String(controlNumber(value, "ST02")).padStart(4, "0") : value;
  if (!/^[0-9A-Za-z]{4,9}$/.test(text))
    throw new RangeError(`ST02 must be 4 to 9 letters or digits, not ${JSON.stringify(text)}`);
  return text;
}

const fixed = (value: string, width: number) => value.slice(0, width).padEnd(width, " ");

/**
 * What may stand in an element: printable characters with no separator of this interchange and no
 * line break (a separator inside data would split it), at most `max` characters. Translators
 * expect ASCII, so accents are dropped ("é" → "e") and dashes simplified.
 */
export function cleanElement(value: string | number, separators: Omit<X12Separators, "lineTerminated">, max = 256): string {
  const forbidden = [separators.element, separators.component, separators.repetition, separators.segment].filter(Boolean);
  let text = String(value)
    .normalize("NFKD")
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/[^\x20-\x7e]/g, (char) => (/\s/.test(char) ? " " : ""));
  for (const separator of forbidden) text = text.split(separator).join(" ");
  return text.replace(/ {2,}/g, " ").trim().slice(0, max).trim();
}

function dateParts(at: Date) {
  const iso = at.toISOString();
  return { ccyymmdd: iso.slice(0, 10).replace(/-/g, ""), hhmm: iso.slice(11, 16).replace(":", "") };
}

/**
 * Writes an X12 interchange: the ISA at its fixed 106 characters (ISA11 the repetition separator
 * from 00402 on, ISA16 the component separator), each group and set with its control number, and
 * the counts the trailers carry (SE01 counts ST and SE; GE01 the sets; IEA01 the groups). Element
 * values are cleaned of separators; trailing empty elements are left out.
 */
export function writeX12(interchange: X12OutboundInterchange): string {
  const separators = { ...DEFAULT_SEPARATORS, ...interchange.separators };
  const version = interchange.version ?? "00401";
  const control = String(controlNumber(interchange.controlNumber, "ISA13")).padStart(9, "0");
  const { ccyymmdd, hhmm } = dateParts(interchange.at);
  const end = separators.segment + (separators.lineBreaks ? "\n" : "");
  const write = (segment: readonly X12OutboundElement[]) => {
    const elements = segment.map((value, n) =>
      n === 0
        ? String(value)
        : Array.isArray(value)
          ? value.map((part) => cleanElement(part, separators)).join(separators.component)
          : cleanElement(value as string | number, separators),
    );
    while (elements.length > 1 && elements[elements.length - 1] === "") elements.pop();
    return elements.join(separators.element) + end;
  };
  const isa = [
    "ISA",
    "00",
    fixed("", 10),
    "00",
    fixed("", 10),
    fixed(interchange.sender.qualifier, 2),
    fixed(interchange.sender.id, 15),
    fixed(interchange.receiver.qualifier, 2),
    fixed(interchange.receiver.id, 15),
    ccyymmdd.slice(2),
    hhmm,
    version >= "00402" ? separators.repetition : "U",
    fixed(version, 5),
    control,
    interchange.acknowledgmentRequested ? "1" : "0",
    interchange.usage,
    separators.component,
  ];
  // The ISA keeps its padded elements: it is fixed width, and a reader finds the separators in it.
  const out = [isa.join(separators.element) + end];
  for (const acknowledgment of interchange.acknowledgments ?? []) out.push(write(acknowledgment));
  for (const group of interchange.groups) {
    const groupControl = String(controlNumber(group.controlNumber, "GS06"));
    out.push(
      write([
        "GS",
        group.functionalId,
        group.applicationSender,
        group.applicationReceiver,
        ccyymmdd,
        hhmm,
        groupControl,
        "X",
        group.version,
      ]),
    );
    for (const set of group.sets) {
      const setNumber = setControl(set.controlNumber);
      out.push(write(["ST", set.id, setNumber, ...(set.implementation ? [set.implementation] : [])]));
      for (const segment of set.segments) out.push(write(segment));
      out.push(write(["SE", String(set.segments.length + 2), setNumber]));
    }
    out.push(write(["GE", String(group.sets.length), groupControl]));
  }
  out.push(write(["IEA", String(interchange.groups.length), control]));
  return out.join("");
}
