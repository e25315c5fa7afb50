import type { PullRun } from "../contract.ts";
import { formatCount } from "../format/format.ts";
import { Badge, type BadgeTone } from "../ui/badge.tsx";
import { TimeAgo } from "../ui/time-ago.tsx";

const RUN_TONES: Record<PullRun["status"], BadgeTone> = { running: "info", succeeded: "good", failed: "bad", stopped: "warn" };

export function PullRunStatusBadge({ status }: { status: PullRun["status"] }) {
  return <Badge tone={RUN_TONES[status]}>{status}</Badge>;
}

/** What a run did, in a line: rows read and what became of them, or why it failed. */
export function PullRunOutcome({ run }: { run: PullRun }) {
  const counts = `${formatCount(run.rows_read)} read · ${formatCount(run.rows_written)} written · ${formatCount(run.rows_unchanged)} unchanged`;
  return (
    <span className="clamp">
      {counts}
      {run.rows_quarantined > 0 ? (
        <>
          {" "}
          · <Badge tone="bad">{formatCount(run.rows_quarantined)} quarantined</Badge>
        </>
      ) : null}
      {run.error ? (
        <>
          {" "}
          — <strong>{run.error.status ? `${run.error.status}: ` : ""}</strong>
          {run.error.message}
          {run.error.retryable ? <span className="muted"> (tried again at the next run)</span> : null}
        </>
      ) : null}
    </span>
  );
}

/** A resource's latest runs, newest first. */
export function PullRunsTable({ runs }: { runs: readonly PullRun[] }) {
  if (runs.length === 0) return <p className="muted">No run yet.</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="pull-runs">
        <thead>
          <tr>
            <th scope="col">Started</th>
            <th scope="col">Why</th>
            <th scope="col">Status</th>
            <th scope="col">Pages</th>
            <th scope="col">What it did</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id}>
              <td>
                <TimeAgo value={run.started_at} />
              </td>
              <td>{run.trigger === "manual" ? "run now" : "schedule"}</td>
              <td>
                <PullRunStatusBadge status={run.status} />
                {run.resumed > 0 ? <span className="muted"> resumed {run.resumed}×</span> : null}
              </td>
              <td>{formatCount(run.pages)}</td>
              <td>
                <PullRunOutcome run={run} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
