import type { DocumentStats } from "../contract.ts";
import { formatCount } from "../format/format.ts";
import { formatDuration, formatRate, isDocumentKind, KIND_LABELS } from "./document-labels.ts";

/** How documents fared, one row per kind or sender: touchless rate, field accuracy, the queue and time in it. */
export function StatsTable({ rows, by, testId }: { rows: readonly DocumentStats[]; by: "kind" | "sender"; testId: string }) {
  return (
    <div className="table-wrap">
      <table className="table doc-stats" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{by === "kind" ? "Kind" : "Sender"}</th>
            <th scope="col" className="num">
              Documents
            </th>
            <th scope="col" className="num">
              Straight through
            </th>
            <th scope="col" className="num">
              Touchless rate
            </th>
            <th scope="col" className="num">
              Field accuracy
            </th>
            <th scope="col" className="num">
              Waiting
            </th>
            <th scope="col" className="num">
              Mean time in queue
            </th>
            <th scope="col" className="num">
              Oldest waiting
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const name = by === "kind" ? row.kind : row.sender;
            return (
              <tr key={name ?? "none"}>
                <th scope="row">
                  {name === null ? (
                    <span className="muted">{by === "kind" ? "no kind" : "unknown sender"}</span>
                  ) : by === "kind" && isDocumentKind(name) ? (
                    KIND_LABELS[name]
                  ) : (
                    name
                  )}
                </th>
                <td className="num">{formatCount(row.documents)}</td>
                <td className="num">{formatCount(row.straight_through)}</td>
                <td className="num" data-testid="touchless-rate">
                  {formatRate(row.touchless_rate)}
                </td>
                <td className="num" title={`${row.fields_corrected} of ${row.fields_reviewed} reviewed fields corrected`}>
                  {formatRate(row.field_accuracy)}
                </td>
                <td className="num">{formatCount(row.waiting)}</td>
                <td className="num">{formatDuration(row.mean_seconds_in_queue)}</td>
                <td className="num">{formatDuration(row.oldest_waiting_seconds)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
