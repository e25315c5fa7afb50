/**
 * What a reader says about its input: an error rejects the file (it goes to quarantine), a warning
 * is kept with a file that is still read (a control number that does not match, a count that is off).
 * Every diagnostic names the segment it is about (its id, its place in the file, its byte offset)
 * and the reason.
 */
export type EdiSeverity = "error" | "warning";

export type EdiDiagnosticCode =
  // the input as a whole
  | "empty_input"
  | "not_edi"
  | "unsupported_standard"
  | "junk_before_header"
  | "too_many_diagnostics"
  // X12 interchange header
  | "isa_truncated"
  | "isa_malformed"
  | "isa_length"
  | "isa_component_separator_missing"
  // segments
  | "segment_id_invalid"
  | "segment_too_long"
  | "segment_unterminated"
  | "segment_line_breaks"
  | "segment_outside_envelope"
  // X12 envelopes
  | "gs_outside_interchange"
  | "st_outside_group"
  | "ta1_inside_group"
  | "se_missing"
  | "ge_missing"
  | "iea_missing"
  | "se_unexpected"
  | "ge_unexpected"
  | "iea_unexpected"
  | "se_count_mismatch"
  | "se_control_mismatch"
  | "ge_count_mismatch"
  | "ge_control_mismatch"
  | "iea_count_mismatch"
  | "iea_control_mismatch"
  | "no_transaction_sets"
  // EDIFACT
  | "una_malformed"
  | "unb_missing"
  | "unh_outside_interchange"
  | "unt_missing"
  | "une_missing"
  | "unz_missing"
  | "unt_unexpected"
  | "une_unexpected"
  | "unz_unexpected"
  | "unt_count_mismatch"
  | "unt_reference_mismatch"
  | "une_count_mismatch"
  | "une_reference_mismatch"
  | "unz_count_mismatch"
  | "unz_reference_mismatch"
  | "message_type_missing"
  | "no_messages";

/** Where a diagnostic points: the segment's id, its index in the file (0-based) and its byte offset. */
export type EdiPosition = { id: string; index: number; offset: number };

export type EdiDiagnostic = {
  severity: EdiSeverity;
  code: EdiDiagnosticCode;
  segment: EdiPosition;
  message: string;
};

/** `error se_count_mismatch at SE (segment 14, byte 512): SE01 says 12 segments, the set has 14` */
export function formatDiagnostic(diagnostic: EdiDiagnostic): string {
  const { id, index, offset } = diagnostic.segment;
  return `${diagnostic.severity} ${diagnostic.code} at ${id || "(start)"} (segment ${index}, byte ${offset}): ${diagnostic.message}`;
}

/** Kept in full up to this many; past it only counted, so random bytes cannot fill memory with diagnostics. */
const MAX_KEPT = 200;

/** Collects the diagnostics of one read, counting errors even past what it keeps. */
export class DiagnosticLog {
  readonly list: EdiDiagnostic[] = [];
  errors = 0;
  private dropped = 0;

  add(
    severity: EdiSeverity,
    code: EdiDiagnosticCode,
    segment: EdiPosition,
    message: string,
    owner?: { diagnostics: EdiDiagnostic[] },
  ): void {
    if (severity === "error") this.errors += 1;
    if (this.list.length >= MAX_KEPT) {
      this.dropped += 1;
      return;
    }
    const diagnostic: EdiDiagnostic = { severity, code, segment, message };
    this.list.push(diagnostic);
    owner?.diagnostics.push(diagnostic);
  }

  /** The diagnostics kept, with one more saying how many were only counted. */
  finish(last: EdiPosition): EdiDiagnostic[] {
    if (this.dropped > 0) {
      this.list.push({
        severity: this.errors > 0 ? "error" : "warning",
        code: "too_many_diagnostics",
        segment: last,
        message: `${this.dropped} more diagnostics were counted but not kept (${this.errors} errors in all)`,
      });
      this.dropped = 0;
    }
    return this.list;
  }
}

/** A short, printable quote of raw input for a message: control characters escaped, at most 24 characters. */
export function quote(raw: string): string {
  const shown = raw.length > 24 ? `${raw.slice(0, 24)}…` : raw;
  return JSON.stringify(shown);
}
