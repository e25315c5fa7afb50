import type { EdiDiagnostic } from "../../diagnostics.ts";
import type { X12Group, X12Interchange, X12TransactionSet } from "../types.ts";
import { replySeparators } from "./reply-separators.ts";
import { writeX12, type X12OutboundSegment, type X12OutboundSet } from "./writer.ts";

/** AK502 codes for what the reader found in a set. */
const SET_CODES: Partial<Record<EdiDiagnostic["code"], string>> = {
  se_missing: "2",
  se_control_mismatch: "3",
  se_count_mismatch: "4",
  segment_id_invalid: "5",
};

/** AK905 codes for what the reader found in a group. */
const GROUP_CODES: Partial<Record<EdiDiagnostic["code"], string>> = {
  ge_missing: "3",
  ge_control_mismatch: "4",
  ge_count_mismatch: "5",
};

export type AcknowledgeOptions = {
  /** Set ids this receiver handles; others are answered AK5 R 1 (not supported). All, when absent. */
  supported?: readonly string[];
};

function setResponse(set: X12TransactionSet, options: AcknowledgeOptions): { segments: X12OutboundSegment[]; accepted: boolean } {
  const segments: X12OutboundSegment[] = [["AK2", set.id, set.controlNumber]];
  const codes = new Set<string>();
  let rejected = false;
  if (options.supported && !options.supported.includes(set.id)) {
    codes.add("1");
    rejected = true;
  }
  for (const diagnostic of set.diagnostics) {
    const code = SET_CODES[diagnostic.code];
    if (code) codes.add(code);
    if (diagnostic.severity === "error") rejected = true;
    if (diagnostic.code === "segment_id_invalid") {
      // AK3: the segment, its position in the set (ST is 1), no loop, 1 = unrecognized segment id.
      segments.push(["AK3", diagnostic.segment.id, String(diagnostic.segment.index - set.header.index + 1), "", "1"]);
    }
  }
  if (rejected && codes.size === 0) codes.add("5");
  const status = rejected ? "R" : codes.size > 0 ? "E" : "A";
  segments.push(["AK5", status, ...[...codes].slice(0, 5)]);
  return { segments, accepted: !rejected };
}

/**
 * The 997 body answering one received functional group: AK1 naming the group, an AK2 … AK5 per
 * transaction set (A accepted, E accepted with errors noted, R rejected, with the reasons the
 * reader found: trailer missing, control numbers that differ, a wrong segment count, segments in
 * error), and AK9 for the group (A, E, P partially accepted, R).
 */
export function functionalAcknowledgment(group: X12Group, options: AcknowledgeOptions = {}): X12OutboundSegment[] {
  const version = group.version.startsWith("005") ? [group.version] : [];
  const segments: X12OutboundSegment[] = [["AK1", group.functionalId, group.controlNumber, ...version]];
  let accepted = 0;
  let noted = false;
  for (const set of group.sets) {
    const response = setResponse(set, options);
    segments.push(...response.segments);
    if (response.accepted) accepted += 1;
    noted ||= set.diagnostics.length > 0;
  }
  const groupCodes = new Set<string>();
  for (const diagnostic of group.diagnostics) {
    const code = GROUP_CODES[diagnostic.code];
    if (code) groupCodes.add(code);
  }
  const received = group.sets.length;
  const status = received > 0 && accepted === 0 ? "R" : accepted < received ? "P" : noted || groupCodes.size > 0 ? "E" : "A";
  const declared = /^\d+$/.test(group.trailer?.elements[1]?.trim() ?? "") ? Number(group.trailer?.elements[1]) : received;
  segments.push(["AK9", status, String(declared), String(received), String(accepted), ...[...groupCodes].slice(0, 5)]);
  return segments;
}

/**
 * A whole 997 interchange answering `group` of `interchange`: sender and receiver swapped, the
 * received interchange's separators as an answer takes them (replySeparators), and the control
 * numbers given (the caller keeps the sequence).
 */
export function writeFunctionalAcknowledgment(
  interchange: X12Interchange,
  group: X12Group,
  options: AcknowledgeOptions & { controlNumber: number; groupControlNumber?: number; setControlNumber?: number; at: Date },
): string {
  const set: X12OutboundSet = {
    id: "997",
    controlNumber: options.setControlNumber ?? 1,
    segments: functionalAcknowledgment(group, options),
  };
  return writeX12({
    sender: { qualifier: interchange.receiverQualifier, id: interchange.receiverId },
    receiver: { qualifier: interchange.senderQualifier, id: interchange.senderId },
    controlNumber: options.controlNumber,
    at: options.at,
    usage: interchange.usage === "T" ? "T" : "P",
    version: interchange.version || "00401",
    separators: replySeparators(interchange.separators),
    groups: [
      {
        functionalId: "FA",
        applicationSender: group.applicationReceiver,
        applicationReceiver: group.applicationSender,
        controlNumber: options.groupControlNumber ?? options.controlNumber,
        version: group.version || "004010",
        sets: [set],
      },
    ],
  });
}
