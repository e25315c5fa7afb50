import {
  functionalAcknowledgment,
  replySeparators,
  writeX12,
  type X12Group,
  type X12Interchange,
  type X12OutboundSegment,
  type X12PartnerId,
} from "../../edi/index.ts";

/** AK3/AK4 for a set that the reader read whole but whose content Crossdock could not take. */
export type SegmentError = {
  /** AK301: the segment's id. */
  segment: string;
  /** AK302: its position in the set, counting ST as 1. */
  position: number;
  /** AK304: 8 segment has data element errors, 3 mandatory segment missing, … */
  code: string;
  /** AK4, when an element is at fault: its position (AK401), AK403 (1 mandatory missing, 6 invalid character, 7 invalid code value, 8 invalid date) and the bad value (AK404). */
  element?: { position: number; code: string; bad: string };
};

/** What Crossdock made of each set of the group, in the group's order. */
export type SetVerdict = { accepted: boolean; errors: SegmentError[] };

export type GroupAcknowledgment = {
  segments: X12OutboundSegment[];
  /** AK901. */
  status: "A" | "E" | "P" | "R";
  received: number;
  accepted: number;
};

/**
 * The 997 body for a received group: the reader's verdict (`functionalAcknowledgment` of the edi
 * module: trailers, control numbers, counts, unknown segments, sets not supported), with
 * Crossdock's own on top: a set whose content it rejected gets its AK3/AK4 (the segment and element
 * at fault) and AK5 R 5, and AK9 counts it out.
 */
export function acknowledgeGroup(
  group: X12Group,
  verdicts: readonly SetVerdict[],
  options: { supported: readonly string[] },
): GroupAcknowledgment {
  const base = functionalAcknowledgment(group, options);
  const segments: X12OutboundSegment[] = [];
  let setIndex = -1;
  let accepted = 0;
  let noted = false;
  let ak9: X12OutboundSegment | undefined;
  for (const segment of base) {
    const [id] = segment;
    if (id === "AK2") setIndex += 1;
    if (id === "AK9") {
      ak9 = segment;
      continue;
    }
    if (id !== "AK5") {
      segments.push(segment);
      continue;
    }
    const verdict = verdicts[setIndex];
    const [, status, ...codes] = segment as readonly string[];
    const readerRejected = status === "R";
    if (verdict && !verdict.accepted && !readerRejected) {
      for (const error of verdict.errors.slice(0, 20)) {
        segments.push(["AK3", error.segment, String(error.position), "", error.code]);
        if (error.element) segments.push(["AK4", String(error.element.position), "", error.element.code, error.element.bad]);
      }
      segments.push(["AK5", "R", ...[...new Set([...codes.filter(Boolean), "5"])].slice(0, 5)]);
      noted = true;
      continue;
    }
    if (!readerRejected) accepted += 1;
    if (status === "E") noted = true;
    segments.push(segment);
  }
  const received = group.sets.length;
  const [, , declared, , , ...groupCodes] = (ak9 ?? ["AK9", "A", String(received)]) as readonly string[];
  const status: GroupAcknowledgment["status"] =
    received > 0 && accepted === 0 ? "R" : accepted < received ? "P" : noted || groupCodes.length > 0 ? "E" : "A";
  segments.push(["AK9", status, declared ?? String(received), String(received), String(accepted), ...groupCodes]);
  return { segments, status, received, accepted };
}

type ReplyOptions = {
  sender: X12PartnerId & { application: string };
  receiver: X12PartnerId & { application: string };
  controlNumber: number;
  at: Date;
};

/**
 * The whole 997 interchange answering one group: from us to the partner (their ids and ours as the
 * partner agreement says), under our control number (ISA13 and GS06; ST02 0001), in the separators
 * the partner used, so its translator reads our answer as it writes.
 */
export function writeAcknowledgment(
  received: X12Interchange,
  group: X12Group,
  body: X12OutboundSegment[],
  options: ReplyOptions,
): string {
  return writeX12({
    ...replyEnvelope(received, options),
    groups: [
      {
        functionalId: "FA",
        applicationSender: options.sender.application,
        applicationReceiver: options.receiver.application,
        controlNumber: options.controlNumber,
        version: group.version || "004010",
        sets: [{ id: "997", controlNumber: 1, segments: body }],
      },
    ],
  });
}

/** The interchange carrying a TA1 (and no group) that answers one the partner sent, as the 997s are addressed. */
export function writeInterchangeAcknowledgment(received: X12Interchange, ta1: X12OutboundSegment, options: ReplyOptions): string {
  return writeX12({ ...replyEnvelope(received, options), acknowledgments: [ta1], groups: [] });
}

/**
 * The envelope of an answer: from us to the partner, under our control number, the received
 * interchange's usage and version, and its separators as an answer takes them (replySeparators).
 */
function replyEnvelope(received: X12Interchange, options: ReplyOptions) {
  return {
    sender: { qualifier: options.sender.qualifier, id: options.sender.id },
    receiver: { qualifier: options.receiver.qualifier, id: options.receiver.id },
    controlNumber: options.controlNumber,
    at: options.at,
    usage: received.usage === "T" ? ("T" as const) : ("P" as const),
    version: received.version || "00401",
    separators: replySeparators(received.separators),
  };
}
