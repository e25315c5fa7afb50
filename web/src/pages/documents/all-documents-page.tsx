import { useNavigate } from "@tanstack/react-router";
import { usePageTitle } from "../../branding/use-branding.tsx";
import type { DocumentsSearch } from "../../documents/document-queries.ts";
import { DocumentsList } from "../../documents/documents-list.tsx";

/** Every document read, newest first, with what became of it. */
export function AllDocumentsPage({ search }: { search: DocumentsSearch }) {
  const navigate = useNavigate();
  usePageTitle("All documents");
  return (
    <DocumentsList
      status={undefined}
      search={search}
      onSearch={(next) => navigate({ to: "/documents/all", search: next, replace: true })}
      empty="No documents yet: upload one, or send files in by email, a folder or the API."
    />
  );
}
