import { useQuery } from "@tanstack/react-query";
import { usePageTitle } from "../../branding/use-branding.tsx";
import type { DocumentStats } from "../../contract.ts";
import { formatDuration, formatRate } from "../../documents/document-labels.ts";
import { statsQuery } from "../../documents/document-queries.ts";
import { StatsTable } from "../../documents/stats-table.tsx";
import { formatCount } from "../../format/format.ts";
import { QueryView } from "../../ui/query-view.tsx";

/** The figures of all documents, summed from the per-kind rows (time in queue weighted by documents reviewed). */
function overall(rows: readonly DocumentStats[]) {
  const sum = (pick: (row: DocumentStats) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const documents = sum((row) => row.documents);
  const fieldsReviewed = sum((row) => row.fields_reviewed);
  const timed = rows.filter((row) => row.mean_seconds_in_queue !== null && row.reviewed > 0);
  const reviewedTimed = timed.reduce((total, row) => total + row.reviewed, 0);
  return {
    documents,
    touchless: documents === 0 ? null : sum((row) => row.straight_through) / documents,
    accuracy: fieldsReviewed === 0 ? null : 1 - sum((row) => row.fields_corrected) / fieldsReviewed,
    waiting: sum((row) => row.waiting),
    meanSeconds:
      reviewedTimed === 0
        ? null
        : timed.reduce((total, row) => total + (row.mean_seconds_in_queue ?? 0) * row.reviewed, 0) / reviewedTimed,
  };
}

/** Touchless rate, field accuracy from reviews, the queue and the time spent in it: overall, by kind and by sender. */
export function FiguresPage() {
  usePageTitle("Document figures");
  const byKind = useQuery(statsQuery("kind"));
  const bySender = useQuery(statsQuery("sender"));
  return (
    <>
      <QueryView query={byKind} loading="Loading the figures…" failed="The figures could not be loaded">
        {({ data }) => {
          const all = overall(data);
          return (
            <>
              <ul className="count-grid doc-figures" aria-label="All documents" data-testid="document-figures">
                <li className="count-tile">
                  <span className="count-tile__value" data-testid="figure-touchless">
                    {formatRate(all.touchless)}
                  </span>
                  <span className="count-tile__label">Touchless rate</span>
                </li>
                <li className="count-tile">
                  <span className="count-tile__value" data-testid="figure-accuracy">
                    {formatRate(all.accuracy)}
                  </span>
                  <span className="count-tile__label">Field accuracy</span>
                </li>
                <li className="count-tile">
                  <span className="count-tile__value" data-testid="figure-waiting">
                    {formatCount(all.waiting)}
                  </span>
                  <span className="count-tile__label">Waiting for review</span>
                </li>
                <li className="count-tile">
                  <span className="count-tile__value" data-testid="figure-time">
                    {formatDuration(all.meanSeconds)}
                  </span>
                  <span className="count-tile__label">Mean time in queue</span>
                </li>
                <li className="count-tile">
                  <span className="count-tile__value">{formatCount(all.documents)}</span>
                  <span className="count-tile__label">Documents read</span>
                </li>
              </ul>
              <p className="small muted">
                Touchless: documents that went straight through, of all read. Field accuracy: fields reviewers left as read, of
                all they saw.
              </p>
              <section className="panel" aria-labelledby="by-kind-title">
                <h2 id="by-kind-title" className="panel__title">
                  By kind
                </h2>
                {data.length === 0 ? (
                  <p className="empty">No documents yet.</p>
                ) : (
                  <StatsTable rows={data} by="kind" testId="stats-by-kind" />
                )}
              </section>
            </>
          );
        }}
      </QueryView>
      <section className="panel" aria-labelledby="by-sender-title">
        <h2 id="by-sender-title" className="panel__title">
          By sender
        </h2>
        <QueryView query={bySender} loading="Loading…" failed="The figures by sender could not be loaded">
          {({ data }) =>
            data.length === 0 ? (
              <p className="empty">No documents yet.</p>
            ) : (
              <StatsTable rows={data} by="sender" testId="stats-by-sender" />
            )
          }
        </QueryView>
      </section>
    </>
  );
}
