import { useQuery } from "@tanstack/react-query";
import type { RecordType } from "../contract.ts";
import { ErrorBanner } from "../ui/error-banner.tsx";
import { Loading } from "../ui/loading.tsx";
import { TimeAgo } from "../ui/time-ago.tsx";
import { diffVersions, showValue } from "./diff-versions.ts";
import { fieldLabel } from "./labels.ts";
import { recordHistoryQuery } from "./record-queries.ts";

/** Every version of the record, newest first, with what each one changed and who wrote it. */
export function RecordHistoryTab({ type, id }: { type: RecordType; id: string }) {
  const history = useQuery(recordHistoryQuery(type, id));
  if (history.isPending) return <Loading />;
  if (history.error) return <ErrorBanner error={history.error} />;
  const versions = history.data;
  return (
    <ol className="history" data-testid="record-history">
      {versions
        .map((entry, index) => ({ entry, changes: diffVersions(versions[index - 1]?.record, entry.record) }))
        .reverse()
        .map(({ entry, changes }) => (
          <li key={entry.event_id} className="history__version">
            <div className="history__head">
              <strong>Version {entry.version}</strong> <span className="muted">{entry.change}</span> ·{" "}
              <TimeAgo value={entry.occurred_at} /> · {entry.actor ?? "unknown actor"}
              {entry.request_id ? <span className="muted"> · request {entry.request_id}</span> : null}
            </div>
            {entry.change === "inserted" ? (
              <p className="muted">First stored.</p>
            ) : changes.length === 0 ? (
              <p className="muted">No field changed.</p>
            ) : (
              <table className="table table--compact">
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    <th scope="col">Before</th>
                    <th scope="col">After</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map((change) => (
                    <tr key={change.field}>
                      <td>{fieldLabel(change.field)}</td>
                      <td className="diff-before">{showValue(change.before)}</td>
                      <td className="diff-after">{showValue(change.after)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </li>
        ))}
    </ol>
  );
}
