import type { ErrorDetail } from "../../../platform/errors.ts";
import { RECORD_TYPE_NAMES, recordTypes } from "../../records/index.ts";
import type { WebhookEventType } from "./contract/webhooks-out.ts";

/** What a ping sends; not subscribable, a ping reaches its subscription whatever it subscribed to. */
export const PING_EVENT = "webhook.ping";

/**
 * Every event type a subscription can name. Records' types come from the records registry; the
 * others are named here, since a capability module does not import another (a module that starts
 * emitting a new type adds it here, with a line saying what its payload is).
 */
export const EVENT_TYPES: readonly WebhookEventType[] = [
  ...RECORD_TYPE_NAMES.map((name) => ({
    type: `records.${name}.upserted`,
    description: `A ${recordTypes[name].title.toLowerCase()} was created or changed; data is the record as stored, with change "inserted" or "updated"`,
  })),
  // The actions module's transitions of a governed write (data: id, kind, status, connector, cause, run_id, external_id).
  { type: "action.approval_required", description: "A write to a system of record waits for a person's approval" },
  { type: "action.denied", description: "Policy refused a write to a system of record" },
  { type: "action.executed", description: "A write reached the system of record" },
  { type: "action.failed", description: "A write to a system of record failed for good" },
  { type: "action.compensated", description: "A write was undone" },
  { type: "action.compensation_failed", description: "Undoing a write failed; a person must look" },
];

const KNOWN = new Set(EVENT_TYPES.map((entry) => entry.type));

/** Whether `type` matches `pattern`: equal, or a prefix ending in `*` (the event bus's rule). */
export function matchesPattern(pattern: string, type: string): boolean {
  return pattern.endsWith("*") ? type.startsWith(pattern.slice(0, -1)) : pattern === type;
}

/**
 * The patterns that name nothing: an exact type that is not in the catalogue, or a prefix no type
 * starts with. Each as a detail that says what exists instead.
 */
export function unknownEventTypes(patterns: readonly string[], path = "event_types"): ErrorDetail[] {
  return patterns.flatMap((pattern, index): ErrorDetail[] => {
    if (pattern.endsWith("*") ? EVENT_TYPES.some((entry) => matchesPattern(pattern, entry.type)) : KNOWN.has(pattern)) return [];
    const prefix = pattern.split(".")[0] ?? "";
    const near = EVENT_TYPES.filter((entry) => entry.type.startsWith(`${prefix}.`))
      .slice(0, 3)
      .map((entry) => entry.type);
    return [
      {
        path: `${path}.${index}`,
        code: "unknown_event_type",
        message: `no event type ${pattern.endsWith("*") ? "starts with" : "is called"} "${pattern.replace(/\*$/, "")}"${
          near.length > 0 ? ` (did you mean ${near.join(", ")}?)` : ""
        }; GET /api/v1/webhook-event-types lists them`,
      },
    ];
  });
}
