import { type DiagnosticLog, type EdiDiagnostic, type EdiDiagnosticCode, type EdiPosition, quote } from "../diagnostics.ts";
import type { EdifactDocumentKind, EdifactInterchange, EdifactMessage, EdifactSegment, EdifactSeparators } from "./types.ts";

const KINDS: Record<string, EdifactDocumentKind> = {
  ORDERS: "purchase_order",
  ORDRSP: "purchase_order_response",
  ORDCHG: "purchase_order_change",
  DESADV: "ship_notice",
  INVOIC: "invoice",
  CONTRL: "acknowledgment",
  APERAK: "acknowledgment",
};

type Owner = { diagnostics: EdiDiagnostic[] };
type Group = { reference: string; messages: number; header: EdifactSegment; diagnostics: EdiDiagnostic[] };

const value = (segment: EdifactSegment, element: number, component = 0) => (segment.elements[element]?.[component] ?? "").trim();
const positionOf = (segment: EdifactSegment): EdiPosition => ({ id: segment.tag, index: segment.index, offset: segment.offset });

function sameReference(a: string, b: string): boolean {
  return a === b || (/^\d+$/.test(a) && /^\d+$/.test(b) && Number(a) === Number(b));
}

/**
 * Follows UNB/UNZ, UNG/UNE and UNH/UNT around EDIFACT segments, with the same discipline as X12:
 * a missing trailer or a message outside an interchange is an error; a count or reference that
 * does not match is a warning.
 */
export class EdifactEnvelopes {
  readonly interchanges: EdifactInterchange[] = [];
  messages = 0;
  private interchange: EdifactInterchange | null = null;
  private group: Group | null = null;
  private message: EdifactMessage | null = null;
  private strayReported = false;

  constructor(private readonly log: DiagnosticLog) {}

  push(segment: EdifactSegment, separators: EdifactSeparators): void {
    switch (segment.tag) {
      case "UNB":
        this.openInterchange(segment, separators);
        return;
      case "UNZ":
        this.closeInterchange(segment);
        return;
      case "UNG":
        this.openGroup(segment);
        return;
      case "UNE":
        this.closeGroup(segment);
        return;
      case "UNH":
        this.openMessage(segment);
        return;
      case "UNT":
        this.closeMessage(segment);
        return;
    }
    if (this.message) {
      this.message.segments.push(segment);
      this.message.segmentCount += 1;
      return;
    }
    if (this.strayReported) return;
    this.strayReported = true;
    const where = this.interchange ? "between messages" : "outside any interchange";
    this.add("error", "segment_outside_envelope", positionOf(segment), `${segment.tag} is ${where}`, this.interchange);
  }

  finish(last: EdiPosition): void {
    if (this.message)
      this.closeMessageShort(last, `the input ends inside message ${quote(this.message.reference)}: UNT is missing`);
    if (this.group) this.closeGroupShort(last, `the input ends inside group ${quote(this.group.reference)}: UNE is missing`);
    if (this.interchange) {
      this.closeInterchangeShort(
        last,
        `the input ends inside interchange ${quote(this.interchange.controlReference)}: UNZ is missing`,
      );
    }
  }

  private add(severity: "error" | "warning", code: EdiDiagnosticCode, at: EdiPosition, message: string, owner: Owner | null) {
    this.log.add(severity, code, at, message, owner ?? undefined);
  }

  private openInterchange(unb: EdifactSegment, separators: EdifactSeparators): void {
    const at = positionOf(unb);
    if (this.message) this.closeMessageShort(at, `message ${quote(this.message.reference)} has no UNT before the next UNB`);
    if (this.group) this.closeGroupShort(at, `group ${quote(this.group.reference)} has no UNE before the next UNB`);
    if (this.interchange) {
      this.closeInterchangeShort(at, `interchange ${quote(this.interchange.controlReference)} has no UNZ before the next UNB`);
    }
    this.strayReported = false;
    this.interchange = {
      syntax: value(unb, 1),
      syntaxVersion: value(unb, 1, 1),
      sender: value(unb, 2),
      senderQualifier: value(unb, 2, 1),
      recipient: value(unb, 3),
      recipientQualifier: value(unb, 3, 1),
      date: value(unb, 4),
      time: value(unb, 4, 1),
      controlReference: value(unb, 5),
      separators,
      header: unb,
      trailer: null,
      messages: [],
      groupCount: 0,
      diagnostics: [],
    };
    this.interchanges.push(this.interchange);
  }

  private closeInterchange(unz: EdifactSegment): void {
    const interchange = this.interchange;
    const at = positionOf(unz);
    if (!interchange) {
      this.add("error", "unz_unexpected", at, "UNZ without an open interchange (no UNB before it)", null);
      return;
    }
    if (this.message) this.closeMessageShort(at, `message ${quote(this.message.reference)} has no UNT before UNZ`);
    if (this.group) this.closeGroupShort(at, `group ${quote(this.group.reference)} has no UNE before UNZ`);
    interchange.trailer = unz;
    const expected = interchange.groupCount > 0 ? interchange.groupCount : interchange.messages.length;
    if (value(unz, 1) !== String(expected)) {
      const what = interchange.groupCount > 0 ? "groups" : "messages";
      this.add(
        "warning",
        "unz_count_mismatch",
        at,
        `UNZ01 says ${quote(value(unz, 1))} ${what}; the interchange has ${expected}`,
        interchange,
      );
    }
    if (!sameReference(value(unz, 2), interchange.controlReference)) {
      this.add(
        "warning",
        "unz_reference_mismatch",
        at,
        `UNZ02 ${quote(value(unz, 2))} does not match UNB05 ${quote(interchange.controlReference)}`,
        interchange,
      );
    }
    this.interchange = null;
    this.strayReported = false;
  }

  private closeInterchangeShort(at: EdiPosition, message: string): void {
    this.add("error", "unz_missing", at, message, this.interchange);
    this.interchange = null;
  }

  private openGroup(ung: EdifactSegment): void {
    const at = positionOf(ung);
    if (!this.interchange) {
      this.add("error", "segment_outside_envelope", at, "UNG outside an interchange (no UNB before it)", null);
      return;
    }
    if (this.message) this.closeMessageShort(at, `message ${quote(this.message.reference)} has no UNT before UNG`);
    if (this.group) this.closeGroupShort(at, `group ${quote(this.group.reference)} has no UNE before the next UNG`);
    this.interchange.groupCount += 1;
    this.group = { reference: value(ung, 5), messages: 0, header: ung, diagnostics: this.interchange.diagnostics };
  }

  private closeGroup(une: EdifactSegment): void {
    const group = this.group;
    const at = positionOf(une);
    if (!group) {
      this.add("error", "une_unexpected", at, "UNE without an open group (no UNG before it)", this.interchange);
      return;
    }
    if (this.message) this.closeMessageShort(at, `message ${quote(this.message.reference)} has no UNT before UNE`);
    if (value(une, 1) !== String(group.messages)) {
      this.add(
        "warning",
        "une_count_mismatch",
        at,
        `UNE01 says ${quote(value(une, 1))} messages; the group has ${group.messages}`,
        group,
      );
    }
    if (!sameReference(value(une, 2), group.reference)) {
      this.add(
        "warning",
        "une_reference_mismatch",
        at,
        `UNE02 ${quote(value(une, 2))} does not match UNG05 ${quote(group.reference)}`,
        group,
      );
    }
    this.group = null;
  }

  private closeGroupShort(at: EdiPosition, message: string): void {
    this.add("error", "une_missing", at, message, this.group);
    this.group = null;
  }

  private openMessage(unh: EdifactSegment): void {
    const at = positionOf(unh);
    const interchange = this.interchange;
    if (!interchange) {
      this.strayReported = true;
      this.add(
        "error",
        "unh_outside_interchange",
        at,
        "UNH outside an interchange (no UNB before it); the message is ignored",
        null,
      );
      return;
    }
    if (this.message) this.closeMessageShort(at, `message ${quote(this.message.reference)} has no UNT before the next UNH`);
    const type = value(unh, 2);
    this.message = {
      reference: value(unh, 1),
      type,
      version: value(unh, 2, 1),
      release: value(unh, 2, 2),
      agency: value(unh, 2, 3),
      association: value(unh, 2, 4),
      kind: KINDS[type] ?? null,
      header: unh,
      trailer: null,
      segments: [],
      segmentCount: 1,
      diagnostics: [],
    };
    if (!type) this.add("warning", "message_type_missing", at, "UNH02 names no message type", this.message);
    this.messages += 1;
    if (this.group) this.group.messages += 1;
    interchange.messages.push(this.message);
  }

  private closeMessage(unt: EdifactSegment): void {
    const message = this.message;
    const at = positionOf(unt);
    if (!message) {
      if (!this.strayReported)
        this.add("error", "unt_unexpected", at, "UNT without an open message (no UNH before it)", this.interchange);
      return;
    }
    message.segmentCount += 1;
    message.trailer = unt;
    if (value(unt, 1) !== String(message.segmentCount)) {
      this.add(
        "warning",
        "unt_count_mismatch",
        at,
        `UNT01 says ${quote(value(unt, 1))} segments; message ${quote(message.reference)} has ${message.segmentCount} (UNH and UNT included)`,
        message,
      );
    }
    if (!sameReference(value(unt, 2), message.reference)) {
      this.add(
        "warning",
        "unt_reference_mismatch",
        at,
        `UNT02 ${quote(value(unt, 2))} does not match UNH01 ${quote(message.reference)}`,
        message,
      );
    }
    this.message = null;
  }

  private closeMessageShort(at: EdiPosition, text: string): void {
    this.add("error", "unt_missing", at, text, this.message);
    this.message = null;
  }
}
