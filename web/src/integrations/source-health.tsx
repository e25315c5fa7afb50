import type { Source } from "../contract.ts";
import { formatCount } from "../format/format.ts";
import { Badge } from "../ui/badge.tsx";
import { TimeAgo } from "../ui/time-ago.tsx";
import { errorRateTone, formatDuration, formatRate, lagTone } from "./health-format.ts";

export function SourceStatusBadge({ status }: { status: Source["status"] }) {
  return status === "active" ? <Badge tone="good">active</Badge> : <Badge tone="warn">paused</Badge>;
}

export function ErrorRate({ health }: { health: Source["health"] }) {
  if (health.received_last_day === 0) return <span className="muted">—</span>;
  return <Badge tone={errorRateTone(health.error_rate_last_day)}>{formatRate(health.error_rate_last_day)}</Badge>;
}

/** What waits to be processed, and for how long the oldest has. */
export function Backlog({ health }: { health: Source["health"] }) {
  if (health.backlog === 0) return <span className="muted">none</span>;
  return (
    <>
      {formatCount(health.backlog)} <Badge tone={lagTone(health.lag_seconds)}>lag {formatDuration(health.lag_seconds)}</Badge>
    </>
  );
}

/** A source's health as tiles: what an integration engineer watches. */
export function HealthTiles({ source }: { source: Source }) {
  const { health } = source;
  const tiles = [
    { label: "Last received", value: <TimeAgo value={health.last_received_at} /> },
    { label: "Received, last hour", value: formatCount(health.received_last_hour) },
    { label: "Received, last day", value: formatCount(health.received_last_day) },
    { label: "Error rate, last day", value: <ErrorRate health={health} /> },
    { label: "Backlog", value: <Backlog health={health} /> },
    {
      label: "In quarantine",
      value:
        health.quarantined > 0 ? <Badge tone="bad">{formatCount(health.quarantined)}</Badge> : <span className="muted">0</span>,
    },
  ];
  return (
    <dl className="count-grid health-tiles" data-testid="source-health">
      {tiles.map((tile) => (
        <div key={tile.label} className="count-tile">
          <dt className="count-tile__label">{tile.label}</dt>
          <dd className="count-tile__value">{tile.value}</dd>
        </div>
      ))}
    </dl>
  );
}
