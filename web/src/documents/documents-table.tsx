import { Link } from "@tanstack/react-router";
import type { DocumentSummary } from "../contract.ts";
import { formatCount, formatMoney } from "../format/format.ts";
import { Badge } from "../ui/badge.tsx";
import { TimeAgo } from "../ui/time-ago.tsx";
import { KIND_LABELS, reasonText, STATUS_LABELS } from "./document-labels.ts";

/** Documents in a table: for the review queue, why each waits; otherwise its status. */
export function DocumentsTable({ documents, queue }: { documents: readonly DocumentSummary[]; queue: boolean }) {
  return (
    <div className="table-wrap">
      <table className="table" data-testid="documents-table">
        <thead>
          <tr>
            <th scope="col">Document</th>
            <th scope="col">Kind</th>
            <th scope="col">Sender</th>
            <th scope="col" className="num">
              Total
            </th>
            {queue ? null : <th scope="col">Status</th>}
            <th scope="col">{queue ? "Why it waits" : "Reasons"}</th>
            <th scope="col" className="num">
              Failed checks
            </th>
            <th scope="col">{queue ? "Waiting" : "Received"}</th>
          </tr>
        </thead>
        <tbody>
          {documents.map((document) => {
            const status = STATUS_LABELS[document.status];
            return (
              <tr key={document.id} data-document-id={document.id}>
                <td>
                  <Link
                    to="/documents/$documentId"
                    params={{ documentId: document.id }}
                    search={{}}
                    className="table__primary-link"
                  >
                    {document.document_number ?? <span className="muted">no number</span>}
                  </Link>
                  <div className="small muted mono">{document.file_name}</div>
                </td>
                <td>{KIND_LABELS[document.kind]}</td>
                <td>{document.sender_name ?? <span className="muted">unknown</span>}</td>
                <td className="num">
                  {document.total === null ? <span className="muted">—</span> : formatMoney(document.total, null)}
                </td>
                {queue ? null : (
                  <td>
                    <Badge tone={status.tone}>{status.label}</Badge>
                    {document.duplicate_of ? <span className="small muted"> repeat</span> : null}
                  </td>
                )}
                <td className="wrap" data-testid="document-reasons">
                  {document.reasons.length === 0 ? (
                    <span className="muted">—</span>
                  ) : (
                    <ul className="plain-list small">
                      {document.reasons.map((reason) => (
                        <li key={reason}>{reasonText(reason)}</li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className="num">
                  {document.checks_failed > 0 ? <Badge tone="bad">{formatCount(document.checks_failed)}</Badge> : "0"}
                </td>
                <td>
                  <TimeAgo value={document.created_at} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
