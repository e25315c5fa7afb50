import { components, element, type X12Segment } from "../segment.ts";
import type { X12TransactionSet } from "../types.ts";

/** AK5/IK5 and AK9: A accepted, E accepted with errors noted, M/W/X (rejected variants), P partially accepted, R rejected. */
export type X12AckStatus = "accepted" | "accepted_with_errors" | "partially_accepted" | "rejected" | "other";

export type X12ElementError = {
  /** AK401/IK401-1: the element's position in the segment. */
  position: number | null;
  component_position: number | null;
  reference_number: string;
  /** AK403/IK403: 1 mandatory missing, 4 too short, 5 too long, 7 invalid code value, 8 invalid date, … */
  code: string;
  bad_value: string;
};

export type X12SegmentError = {
  segment_id: string;
  /** AK302: the segment's position in the set, counting ST as 1. */
  position: number | null;
  loop_id: string;
  /** AK304: 1 unrecognized segment, 2 unexpected, 3 mandatory missing, 5 exceeds max use, 8 has data element errors, … */
  code: string;
  elements: X12ElementError[];
};

export type X12SetResponse = {
  set_id: string;
  control_number: string;
  implementation: string;
  status_code: string;
  status: X12AckStatus;
  /** AK502 …: 1 not supported, 2 trailer missing, 3 control numbers differ, 4 segment count wrong, 5 segments in error, … */
  error_codes: string[];
  segment_errors: X12SegmentError[];
};

/** A 997 functional acknowledgment, or a 999 implementation acknowledgment (IK3/IK4/IK5 read as AK3/AK4/AK5). */
export type X12FunctionalAcknowledgment = {
  transaction: "997" | "999";
  control_number: string;
  /** AK101 and AK102: which group this answers. */
  functional_id: string;
  group_control_number: string;
  version: string;
  sets: X12SetResponse[];
  status_code: string;
  status: X12AckStatus;
  sets_included: number | null;
  sets_received: number | null;
  sets_accepted: number | null;
  /** AK905 …: 1 group not supported, 3 trailer missing, 4 control numbers differ, 5 set count wrong, … */
  error_codes: string[];
};

export function ackStatus(code: string): X12AckStatus {
  switch (code) {
    case "A":
      return "accepted";
    case "E":
      return "accepted_with_errors";
    case "P":
      return "partially_accepted";
    case "R":
    case "M":
    case "W":
    case "X":
      return "rejected";
    default:
      return "other";
  }
}

const count = (raw: string) => (/^\d+$/.test(raw) ? Number(raw) : null);

function codesFrom(segment: X12Segment, from: number, to: number): string[] {
  const codes: string[] = [];
  for (let n = from; n <= to; n++) if (element(segment, n)) codes.push(element(segment, n));
  return codes;
}

function elementError(segment: X12Segment): X12ElementError {
  const [position = "", component = ""] = components(segment, 1);
  return {
    position: count(position.trim()),
    component_position: count(component.trim()),
    reference_number: element(segment, 2),
    code: element(segment, 3),
    bad_value: element(segment, 4),
  };
}

export function readFunctionalAcknowledgment(set: X12TransactionSet): X12FunctionalAcknowledgment {
  const ack: X12FunctionalAcknowledgment = {
    transaction: set.id === "999" ? "999" : "997",
    control_number: set.controlNumber,
    functional_id: "",
    group_control_number: "",
    version: "",
    sets: [],
    status_code: "",
    status: "other",
    sets_included: null,
    sets_received: null,
    sets_accepted: null,
    error_codes: [],
  };
  let response: X12SetResponse | null = null;
  let segmentError: X12SegmentError | null = null;
  for (const segment of set.segments) {
    switch (segment.id) {
      case "AK1":
        ack.functional_id = element(segment, 1);
        ack.group_control_number = element(segment, 2);
        ack.version = element(segment, 3);
        break;
      case "AK2":
        segmentError = null;
        response = {
          set_id: element(segment, 1),
          control_number: element(segment, 2),
          implementation: element(segment, 3),
          status_code: "",
          status: "other",
          error_codes: [],
          segment_errors: [],
        };
        ack.sets.push(response);
        break;
      case "AK3":
      case "IK3":
        segmentError = {
          segment_id: element(segment, 1),
          position: count(element(segment, 2)),
          loop_id: element(segment, 3),
          code: element(segment, 4),
          elements: [],
        };
        response?.segment_errors.push(segmentError);
        break;
      case "AK4":
      case "IK4":
        segmentError?.elements.push(elementError(segment));
        break;
      case "AK5":
      case "IK5":
        if (response) {
          response.status_code = element(segment, 1);
          response.status = ackStatus(response.status_code);
          response.error_codes = codesFrom(segment, 2, 6);
        }
        break;
      case "AK9":
        ack.status_code = element(segment, 1);
        ack.status = ackStatus(ack.status_code);
        ack.sets_included = count(element(segment, 2));
        ack.sets_received = count(element(segment, 3));
        ack.sets_accepted = count(element(segment, 4));
        ack.error_codes = codesFrom(segment, 5, 9);
        break;
    }
  }
  return ack;
}
