import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { STATUS_LABELS } from "./document-labels.ts";
import { documentQuery } from "./document-queries.ts";

/** After a decision the reviewer moves on; this says what became of the document they left. */
export function DecidedBanner({ id }: { id: string | undefined }) {
  const decided = useQuery({ ...documentQuery(id ?? ""), enabled: id !== undefined });
  if (!id || !decided.data) return null;
  const document = decided.data;
  return (
    <p className="banner banner--good" role="status" data-testid="decided-banner">
      <Link to="/documents/$documentId" params={{ documentId: document.id }} search={{}}>
        {document.document_number ?? document.file_name}
      </Link>
      {document.sender_name ? ` from ${document.sender_name}` : ""}: {STATUS_LABELS[document.status].label.toLowerCase()}
      {document.route ? ` — ${document.route.summary}` : ""}.
    </p>
  );
}
