import type { RunEvent } from "../contract.ts";
import { formatTimestamp } from "../format/format.ts";
import { parseActorRef } from "../people/actor.ts";
import { usePeople } from "../people/people.ts";

const KIND_LABEL: Partial<Record<RunEvent["kind"], string>> = {
  step: "step",
  step_failed: "failed",
  wait: "waits",
  resumed: "resumed",
  compensation: "undone",
  compensation_failed: "undo failed",
};

/** " for Bo Buyer" after a decision a delegate made on a colleague's behalf. */
function onBehalfOf(event: RunEvent, nameOf: (id: string, fallback?: string | null) => string): string {
  const email = typeof event.detail.on_behalf_of === "string" ? event.detail.on_behalf_of : null;
  const id = typeof event.detail.on_behalf_of_user_id === "string" ? event.detail.on_behalf_of_user_id : null;
  return id ? ` for ${nameOf(id, email)}` : email ? ` for ${email}` : "";
}

/**
 * What happened in a run, oldest first: stages, steps with their durations, waits, decisions,
 * undoing; and who did what, by name (the label the API recorded for those the directory does not know).
 */
export function RunTimeline({ events }: { events: readonly RunEvent[] }) {
  const people = usePeople();
  return (
    <ol className="run-timeline" data-testid="run-timeline">
      {events.map((event, index) => (
        // Events have no id of their own across the two sources merged here.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <li key={index} className={`run-timeline__item run-timeline__item--${event.kind}`}>
          <time className="run-timeline__when" dateTime={event.at}>
            {formatTimestamp(event.at)}
          </time>
          <span className="run-timeline__kind">{KIND_LABEL[event.kind] ?? event.kind}</span>
          <span className="run-timeline__label">{event.label}</span>
          {event.actor ? (
            <span className="run-timeline__actor">
              {" "}
              by {people.actorName(parseActorRef(event.actor, event.actor_label))}
              {onBehalfOf(event, people.nameOf)}
            </span>
          ) : null}
          {typeof event.detail.duration_ms === "number" ? (
            <span className="muted small"> {event.detail.duration_ms} ms</span>
          ) : null}
          {typeof event.detail.error === "string" ? <div className="run-timeline__error">{event.detail.error}</div> : null}
          {typeof event.detail.reason === "string" ? <div className="muted small">Reason: {event.detail.reason}</div> : null}
          {typeof event.detail.comment === "string" ? <div className="muted small">“{event.detail.comment}”</div> : null}
        </li>
      ))}
    </ol>
  );
}
