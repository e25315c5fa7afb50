import { useNavigate } from "@tanstack/react-router";
import { usePageTitle } from "../../branding/use-branding.tsx";
import { DecidedBanner } from "../../documents/decided-banner.tsx";
import type { DocumentsSearch } from "../../documents/document-queries.ts";
import { DocumentsList } from "../../documents/documents-list.tsx";

/** The review queue, oldest first: each document's kind, sender, number, total, and why it waits. */
export function ReviewQueuePage({ search }: { search: DocumentsSearch & { decided?: string } }) {
  const navigate = useNavigate();
  usePageTitle("Review queue");
  const { decided, ...filters } = search;
  return (
    <>
      <DecidedBanner id={decided} />
      <DocumentsList
        status="review"
        search={filters}
        onSearch={(next) => navigate({ to: "/documents/queue", search: next, replace: true })}
        empty="Nothing waits for review: every document read so far went straight through or was decided."
      />
    </>
  );
}
