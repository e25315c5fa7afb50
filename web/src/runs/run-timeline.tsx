import type { RunEvent } from "../contract.ts";
import { formatTimestamp } from "../format/format.ts";

const KIND_LABEL: Partial<Record<RunEvent["kind"], string>> = {
  step: "step",
  step_failed: "failed",
  wait: "waits",
  resumed: "resumed",
  compensation: "undone",
  compensation_failed: "undo failed",
};

/** What happened in a run, oldest first: stages, steps with their durations, waits, decisions, undoing. */
export function RunTimeline({ events }: { events: readonly RunEvent[] }) {
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
          {typeof event.detail.duration_ms === "number" ? (
            <span className="muted small"> {event.detail.duration_ms} ms</span>
          ) : null}
          {typeof event.detail.error === "string" ? <div className="run-timeline__error">{event.detail.error}</div> : null}
          {typeof event.detail.reason === "string" ? <div className="muted small">Reason: {event.detail.reason}</div> : null}
          {typeof event.detail.comment === "string" ? <div className="muted small">“{event.detail.comment}”</div> : null}
          {event.actor ? <span className="muted small"> · {event.actor}</span> : null}
        </li>
      ))}
    </ol>
  );
}
