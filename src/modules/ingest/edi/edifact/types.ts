import type { EdiDiagnostic } from "../diagnostics.ts";

/**
 * One EDIFACT segment as read: `elements[0]` is `[tag]`, `elements[n]` the components of data
 * element n, release characters removed (`FTX+AAA+++NET?: 13 KG` gives `["NET: 13 KG"]`).
 */
export type EdifactSegment = {
  tag: string;
  elements: string[][];
  index: number;
  offset: number;
};

export type EdifactSeparators = {
  component: string;
  element: string;
  decimal: string;
  release: string;
  segment: string;
  /** Segments end at line breaks (a partner's export without the "'" terminator). */
  lineTerminated: boolean;
};

/** The business documents Crossdock reads from EDIFACT messages. */
export type EdifactDocumentKind =
  | "purchase_order"
  | "purchase_order_response"
  | "purchase_order_change"
  | "ship_notice"
  | "invoice"
  | "acknowledgment";

/** One message, UNH … UNT; `segments` are those between them. */
export type EdifactMessage = {
  /** UNH01, the message reference. */
  reference: string;
  /** UNH02: ORDERS, INVOIC, DESADV, … ("" when the partner left it out), then D, 96A, UN, EAN008. */
  type: string;
  version: string;
  release: string;
  agency: string;
  association: string;
  /** What the message type means to Crossdock, when it is one it reads. */
  kind: EdifactDocumentKind | null;
  header: EdifactSegment;
  trailer: EdifactSegment | null;
  segments: EdifactSegment[];
  /** UNH, the body and UNT, as UNT01 counts them. */
  segmentCount: number;
  diagnostics: EdiDiagnostic[];
};

/** One interchange, UNB … UNZ (UNG … UNE groups are checked; their messages are listed here). */
export type EdifactInterchange = {
  /** UNB01: UNOA, UNOC, UNOW, … and the syntax version. */
  syntax: string;
  syntaxVersion: string;
  sender: string;
  senderQualifier: string;
  recipient: string;
  recipientQualifier: string;
  /** UNB04: YYMMDD or CCYYMMDD, and HHMM. */
  date: string;
  time: string;
  /** UNB05. */
  controlReference: string;
  separators: EdifactSeparators;
  header: EdifactSegment;
  trailer: EdifactSegment | null;
  messages: EdifactMessage[];
  groupCount: number;
  diagnostics: EdiDiagnostic[];
};

export type EdifactRead = {
  ok: boolean;
  interchanges: EdifactInterchange[];
  diagnostics: EdiDiagnostic[];
  counts: { interchanges: number; messages: number; segments: number };
};
