import { type DiagnosticLog, type EdiDiagnostic, type EdiDiagnosticCode, type EdiPosition, quote } from "../diagnostics.ts";
import { element, positionOf, type X12Segment, type X12Separators } from "./segment.ts";
import type { X12Event, X12Group, X12Interchange, X12TransactionSet } from "./types.ts";

type Owner = { diagnostics: EdiDiagnostic[] };

const DIGITS = /^\d+$/;

/** Control numbers agree when their text agrees, or their numbers do ("000000042" and "42"). */
function sameControl(a: string, b: string): boolean {
  const left = a.trim();
  const right = b.trim();
  return left === right || (DIGITS.test(left) && DIGITS.test(right) && Number(left) === Number(right));
}

/**
 * Follows the envelopes of a stream of X12 segments (ISA/IEA, GS/GE, ST/SE), checks them and
 * hands on each transaction set, group and interchange when it closes. Checks: every trailer is
 * there (errors), trailer control numbers match their headers and counts match what was read
 * (warnings: the data is whole, the partner's translator miscounted). With `retain`, the
 * interchanges keep their groups and sets (a whole read); without, each set is handed on and
 * dropped (a streaming read, memory bounded by one set).
 */
export class X12Envelopes {
  interchanges = 0;
  groups = 0;
  sets = 0;
  acknowledgments = 0;
  private interchange: X12Interchange | null = null;
  private group: X12Group | null = null;
  private set: X12TransactionSet | null = null;
  private strayReported = false;
  private seen: number;
  private owner: Owner | null = null;

  constructor(
    private readonly log: DiagnosticLog,
    private readonly retain: boolean,
    private readonly emit: (event: X12Event) => void,
  ) {
    this.seen = log.list.length;
  }

  push(segment: X12Segment, separators: X12Separators): void {
    // Diagnostics the scanner gave this segment belong with whatever holds it.
    const fresh = this.log.list.length > this.seen ? this.log.list.slice(this.seen) : null;
    const set = this.set;
    if (set !== null && !isEnvelopeId(segment.id)) {
      set.segmentCount += 1;
      set.segments.push(segment);
      this.owner = set;
    } else {
      this.route(segment, separators);
    }
    if (fresh) for (const diagnostic of fresh) this.owner?.diagnostics.push(diagnostic);
    this.seen = this.log.list.length;
  }

  private route(segment: X12Segment, separators: X12Separators): void {
    switch (segment.id) {
      case "ISA":
        this.openInterchange(segment, separators);
        return;
      case "IEA":
        this.closeInterchange(segment);
        return;
      case "GS":
        this.openGroup(segment);
        return;
      case "GE":
        this.closeGroup(segment);
        return;
      case "ST":
        this.openSet(segment);
        return;
      case "SE":
        this.closeSet(segment);
        return;
      case "TA1":
        this.acknowledgment(segment);
        return;
      default:
        this.stray(segment);
    }
  }

  /** At the end of the input: whatever is still open was cut short. */
  finish(last: EdiPosition): void {
    const reason = "the input ends";
    if (this.set) this.closeSetShort(last, `${reason} inside transaction set ${this.describeSet(this.set)}: SE is missing`);
    if (this.group)
      this.closeGroupShort(last, `${reason} inside functional group ${quote(this.group.controlNumber)}: GE is missing`);
    if (this.interchange) {
      this.closeInterchangeShort(last, `${reason} inside interchange ${quote(this.interchange.controlNumber)}: IEA is missing`);
    }
  }

  private add(severity: "error" | "warning", code: EdiDiagnosticCode, at: EdiPosition, message: string, owner: Owner | null) {
    this.log.add(severity, code, at, message, owner ?? undefined);
  }

  private describeSet(set: X12TransactionSet): string {
    return `${set.id || "?"} ${quote(set.controlNumber)}`;
  }

  private stray(segment: X12Segment): void {
    this.owner = this.group ?? this.interchange;
    if (this.strayReported) return;
    this.strayReported = true;
    const where = this.group
      ? "between transaction sets"
      : this.interchange
        ? "outside any functional group"
        : "outside any interchange";
    this.add("error", "segment_outside_envelope", positionOf(segment), `${segment.id} is ${where}`, this.owner);
  }

  private openInterchange(isa: X12Segment, separators: X12Separators): void {
    if (this.interchange) {
      const at = positionOf(isa);
      if (this.set) this.closeSetShort(at, `transaction set ${this.describeSet(this.set)} has no SE before the next ISA`);
      if (this.group)
        this.closeGroupShort(at, `functional group ${quote(this.group.controlNumber)} has no GE before the next ISA`);
      this.closeInterchangeShort(at, `interchange ${quote(this.interchange.controlNumber)} has no IEA before the next ISA`);
    }
    this.interchanges += 1;
    this.strayReported = false;
    this.interchange = {
      senderQualifier: element(isa, 5),
      senderId: element(isa, 6),
      receiverQualifier: element(isa, 7),
      receiverId: element(isa, 8),
      date: element(isa, 9),
      time: element(isa, 10),
      version: element(isa, 12),
      controlNumber: element(isa, 13),
      acknowledgmentRequested: element(isa, 14) === "1",
      usage: element(isa, 15),
      separators,
      header: isa,
      trailer: null,
      groups: [],
      groupCount: 0,
      acknowledgments: [],
      diagnostics: [],
    };
    this.owner = this.interchange;
  }

  private closeInterchange(iea: X12Segment): void {
    const interchange = this.interchange;
    const at = positionOf(iea);
    if (!interchange) {
      this.owner = null;
      this.add("error", "iea_unexpected", at, "IEA without an open interchange (no ISA before it)", null);
      return;
    }
    if (this.set) this.closeSetShort(at, `transaction set ${this.describeSet(this.set)} has no SE before IEA`);
    if (this.group) this.closeGroupShort(at, `functional group ${quote(this.group.controlNumber)} has no GE before IEA`);
    interchange.trailer = iea;
    const declared = element(iea, 1);
    if (declared !== String(interchange.groupCount)) {
      this.add(
        "warning",
        "iea_count_mismatch",
        at,
        `IEA01 says ${quote(declared)} functional groups; interchange ${quote(interchange.controlNumber)} has ${interchange.groupCount}`,
        interchange,
      );
    }
    if (!sameControl(element(iea, 2), interchange.controlNumber)) {
      this.add(
        "warning",
        "iea_control_mismatch",
        at,
        `IEA02 ${quote(element(iea, 2))} does not match ISA13 ${quote(interchange.controlNumber)}`,
        interchange,
      );
    }
    this.endInterchange(interchange);
  }

  private closeInterchangeShort(at: EdiPosition, message: string): void {
    const interchange = this.interchange as X12Interchange;
    this.add("error", "iea_missing", at, message, interchange);
    this.endInterchange(interchange);
  }

  private endInterchange(interchange: X12Interchange): void {
    this.interchange = null;
    this.owner = interchange;
    this.strayReported = false;
    this.emit({ type: "interchange", interchange });
  }

  private openGroup(gs: X12Segment): void {
    const interchange = this.interchange;
    const at = positionOf(gs);
    if (!interchange) {
      this.owner = null;
      this.strayReported = true;
      this.add(
        "error",
        "gs_outside_interchange",
        at,
        "GS outside an interchange (no ISA before it); ignored up to the next ISA",
        null,
      );
      return;
    }
    if (this.set) this.closeSetShort(at, `transaction set ${this.describeSet(this.set)} has no SE before the next GS`);
    if (this.group) this.closeGroupShort(at, `functional group ${quote(this.group.controlNumber)} has no GE before the next GS`);
    this.groups += 1;
    this.strayReported = false;
    interchange.groupCount += 1;
    this.group = {
      functionalId: element(gs, 1),
      applicationSender: element(gs, 2),
      applicationReceiver: element(gs, 3),
      date: element(gs, 4),
      time: element(gs, 5),
      controlNumber: element(gs, 6),
      version: element(gs, 8),
      header: gs,
      trailer: null,
      sets: [],
      setCount: 0,
      diagnostics: [],
    };
    if (this.retain) interchange.groups.push(this.group);
    this.owner = this.group;
  }

  private closeGroup(ge: X12Segment): void {
    const group = this.group;
    const at = positionOf(ge);
    if (!group) {
      this.owner = this.interchange;
      if (this.strayReported) return;
      this.add("error", "ge_unexpected", at, "GE without an open functional group (no GS before it)", this.owner);
      return;
    }
    if (this.set) this.closeSetShort(at, `transaction set ${this.describeSet(this.set)} has no SE before GE`);
    group.trailer = ge;
    const declared = element(ge, 1);
    if (declared !== String(group.setCount)) {
      this.add(
        "warning",
        "ge_count_mismatch",
        at,
        `GE01 says ${quote(declared)} transaction sets; functional group ${quote(group.controlNumber)} has ${group.setCount}`,
        group,
      );
    }
    if (!sameControl(element(ge, 2), group.controlNumber)) {
      this.add(
        "warning",
        "ge_control_mismatch",
        at,
        `GE02 ${quote(element(ge, 2))} does not match GS06 ${quote(group.controlNumber)}`,
        group,
      );
    }
    this.endGroup(group);
  }

  private closeGroupShort(at: EdiPosition, message: string): void {
    const group = this.group as X12Group;
    this.add("error", "ge_missing", at, message, group);
    this.endGroup(group);
  }

  private endGroup(group: X12Group): void {
    this.group = null;
    this.owner = group;
    this.strayReported = false;
    this.emit({ type: "group", group, interchange: this.interchange as X12Interchange });
  }

  private openSet(st: X12Segment): void {
    const group = this.group;
    const at = positionOf(st);
    if (!group) {
      this.owner = this.interchange;
      this.strayReported = true;
      const reason = this.interchange
        ? "outside a functional group (no GS before it)"
        : "outside an interchange (no ISA before it)";
      this.add("error", "st_outside_group", at, `ST ${reason}; the transaction set is ignored`, this.owner);
      return;
    }
    if (this.set) this.closeSetShort(at, `transaction set ${this.describeSet(this.set)} has no SE before the next ST`);
    this.sets += 1;
    group.setCount += 1;
    this.set = {
      id: element(st, 1),
      controlNumber: element(st, 2),
      implementation: element(st, 3),
      header: st,
      trailer: null,
      segments: [],
      segmentCount: 1,
      diagnostics: [],
    };
    if (this.retain) group.sets.push(this.set);
    this.owner = this.set;
  }

  private closeSet(se: X12Segment): void {
    const set = this.set;
    const at = positionOf(se);
    if (!set) {
      this.owner = this.group ?? this.interchange;
      // After an ST that was ignored, its SE needs no second diagnostic.
      if (this.strayReported) return;
      this.add("error", "se_unexpected", at, "SE without an open transaction set (no ST before it)", this.owner);
      return;
    }
    set.segmentCount += 1;
    set.trailer = se;
    const declared = element(se, 1);
    if (declared !== String(set.segmentCount)) {
      this.add(
        "warning",
        "se_count_mismatch",
        at,
        `SE01 says ${quote(declared)} segments; transaction set ${this.describeSet(set)} has ${set.segmentCount} (ST and SE included)`,
        set,
      );
    }
    if (!sameControl(element(se, 2), set.controlNumber)) {
      this.add(
        "warning",
        "se_control_mismatch",
        at,
        `SE02 ${quote(element(se, 2))} does not match ST02 ${quote(set.controlNumber)}`,
        set,
      );
    }
    this.endSet(set);
  }

  private closeSetShort(at: EdiPosition, message: string): void {
    const set = this.set as X12TransactionSet;
    this.add("error", "se_missing", at, message, set);
    this.endSet(set);
  }

  private endSet(set: X12TransactionSet): void {
    this.set = null;
    this.owner = set;
    this.strayReported = false;
    this.emit({ type: "set", set, group: this.group as X12Group, interchange: this.interchange as X12Interchange });
  }

  private acknowledgment(ta1: X12Segment): void {
    const interchange = this.interchange;
    if (!interchange) {
      this.stray(ta1);
      return;
    }
    if (this.group) {
      this.add(
        "warning",
        "ta1_inside_group",
        positionOf(ta1),
        "TA1 inside a functional group (it belongs before the first GS)",
        this.group,
      );
    }
    this.acknowledgments += 1;
    interchange.acknowledgments.push(ta1);
    this.owner = interchange;
  }
}

function isEnvelopeId(id: string): boolean {
  switch (id) {
    case "ISA":
    case "IEA":
    case "GS":
    case "GE":
    case "ST":
    case "SE":
    case "TA1":
      return true;
    default:
      return false;
  }
}
