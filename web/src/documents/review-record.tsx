import type { DocumentDetail } from "../contract.ts";
import { parseActorRef } from "../people/actor.ts";
import { PersonName } from "../people/actor-name.tsx";
import { Badge } from "../ui/badge.tsx";
import { TimeAgo } from "../ui/time-ago.tsx";
import { documentFieldLabel, STATUS_LABELS } from "./document-labels.ts";

/** What became of a document no longer waiting: who decided, why, what they corrected, and where it went. */
export function ReviewRecord({ document }: { document: DocumentDetail }) {
  const status = STATUS_LABELS[document.status];
  const review = document.review;
  const by = document.reviewed_by ? parseActorRef(document.reviewed_by) : null;
  const corrected = Object.entries(review?.corrected_fields ?? {});
  return (
    <section className="panel" aria-labelledby="outcome-title" data-testid="document-outcome">
      <h2 id="outcome-title" className="panel__title">
        <Badge tone={status.tone}>{status.label}</Badge>
        {by ? (
          <span className="small">
            {" "}
            by {by.type === "user" ? <PersonName id={by.id} /> : by.id} <TimeAgo value={document.reviewed_at} />
          </span>
        ) : null}
      </h2>
      {review?.comment ? (
        <p>
          <strong>Comment:</strong> {review.comment}
        </p>
      ) : null}
      {corrected.length > 0 ? (
        <ul className="plain-list small" data-testid="corrected-fields">
          {corrected.map(([field, change]) => (
            <li key={field}>
              {documentFieldLabel(field)}: <span className="diff-before">{change.from ?? "—"}</span> →{" "}
              <span className="diff-after">{change.to ?? "removed"}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {review?.lines_corrected ? <p className="small">The lines were corrected.</p> : null}
      {document.route ? <p className="small muted">{document.route.summary}</p> : null}
    </section>
  );
}
