import type { EdiDiagnostic } from "../diagnostics.ts";
import type { X12Segment, X12Separators } from "./segment.ts";

/** One transaction set, ST … SE. `segments` are those between ST and SE. */
export type X12TransactionSet = {
  /** ST01: "850", "856", … */
  id: string;
  /** ST02. */
  controlNumber: string;
  /** ST03, the implementation convention (5010 and later), or "". */
  implementation: string;
  header: X12Segment;
  /** SE; null when it was missing (the set was cut short). */
  trailer: X12Segment | null;
  segments: X12Segment[];
  /** Segments counted as SE01 counts them: ST, the body and SE. */
  segmentCount: number;
  diagnostics: EdiDiagnostic[];
};

/** One functional group, GS … GE. */
export type X12Group = {
  /** GS01: PO (850), PR (855), SH (856), IN (810), PC (860), FA (997/999), … */
  functionalId: string;
  applicationSender: string;
  applicationReceiver: string;
  /** GS04 CCYYMMDD and GS05 HHMM, as sent. */
  date: string;
  time: string;
  /** GS06. */
  controlNumber: string;
  /** GS08: "004010", "005010X222A1", … */
  version: string;
  header: X12Segment;
  trailer: X12Segment | null;
  /** The sets, when the read keeps them (a streaming read hands each set on instead). */
  sets: X12TransactionSet[];
  /** Sets read in this group, kept or not. */
  setCount: number;
  diagnostics: EdiDiagnostic[];
};

/** One interchange, ISA … IEA. */
export type X12Interchange = {
  senderQualifier: string;
  senderId: string;
  receiverQualifier: string;
  receiverId: string;
  /** ISA09 YYMMDD and ISA10 HHMM, as sent. */
  date: string;
  time: string;
  /** ISA12: "00401", "00501", … */
  version: string;
  /** ISA13. */
  controlNumber: string;
  /** ISA14: the sender asks for a TA1. */
  acknowledgmentRequested: boolean;
  /** ISA15: P production, T test. */
  usage: string;
  separators: X12Separators;
  header: X12Segment;
  trailer: X12Segment | null;
  groups: X12Group[];
  groupCount: number;
  /** TA1 interchange acknowledgments carried by this interchange. */
  acknowledgments: X12Segment[];
  diagnostics: EdiDiagnostic[];
};

/** What a read hands on as it goes: each set, group and interchange once it is complete (or cut short). */
export type X12Event =
  | { type: "set"; set: X12TransactionSet; group: X12Group; interchange: X12Interchange }
  | { type: "group"; group: X12Group; interchange: X12Interchange }
  | { type: "interchange"; interchange: X12Interchange };

/** The outcome of reading a whole input. */
export type X12Summary = {
  /** No error, and at least one transaction set (or TA1 acknowledgment) read. */
  ok: boolean;
  diagnostics: EdiDiagnostic[];
  counts: { interchanges: number; groups: number; sets: number; segments: number; acknowledgments: number };
};

export type X12Read = X12Summary & { interchanges: X12Interchange[] };
