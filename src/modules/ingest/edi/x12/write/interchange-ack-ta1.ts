import type { EdiDiagnostic } from "../../diagnostics.ts";
import type { X12Interchange } from "../types.ts";
import type { X12OutboundSegment } from "./writer.ts";

/** TA104: A accepted, E accepted with errors noted, R rejected. */
export type X12InterchangeAckStatus = "A" | "E" | "R";

/** TA105 note codes for what the reader found wrong with an interchange's own envelope. */
const NOTE_CODES: Partial<Record<EdiDiagnostic["code"], string>> = {
  iea_control_mismatch: "001",
  iea_count_mismatch: "021",
  iea_missing: "023",
  segment_outside_envelope: "024",
  gs_outside_interchange: "024",
  ta1_inside_group: "024",
};

/**
 * The TA1 answering an interchange whose sender asked for one (ISA14 = 1): its control number, date
 * and time as sent, and the verdict on its envelope (ISA … IEA) only: A 000 when it is whole, E with
 * the note code of the first thing wrong with it (its sets were still read: the 997 speaks for
 * them), R when the receiver refuses it altogether (`refused`: e.g. 008, not addressed to us).
 * Groups and sets are the 997's business, not the TA1's.
 */
export function interchangeAcknowledgment(
  interchange: X12Interchange,
  refused?: { note: string },
): { segment: X12OutboundSegment; status: X12InterchangeAckStatus; note: string } {
  let status: X12InterchangeAckStatus = "A";
  let note = "000";
  if (refused) {
    status = "R";
    note = refused.note;
  } else {
    // The reader's warnings count too: an IEA that miscounts is read past, but is still wrong.
    const found = interchange.diagnostics.find((diagnostic) => NOTE_CODES[diagnostic.code]);
    if (found) {
      status = "E";
      note = NOTE_CODES[found.code] as string;
    }
  }
  const segment: X12OutboundSegment = [
    "TA1",
    interchange.controlNumber.trim(),
    interchange.date.trim(),
    interchange.time.trim(),
    status,
    note,
  ];
  return { segment, status, note };
}
