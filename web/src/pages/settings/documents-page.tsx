import { useQuery } from "@tanstack/react-query";
import { DocumentSettingsForm } from "../../settings-documents/document-settings-form.tsx";
import { documentSettingsQuery } from "../../settings-documents/document-settings-queries.ts";
import { ErrorBanner } from "../../ui/error-banner.tsx";
import { Loading } from "../../ui/loading.tsx";
import { PageHeader } from "../../ui/page-header.tsx";

/** How the tenant's documents are checked against the records and which engine reads them. */
export function DocumentSettingsPage() {
  const settings = useQuery(documentSettingsQuery);
  return (
    <>
      <PageHeader
        title="Documents"
        subtitle="How far a document may stray from the records before a person looks, and what reads it."
        windowTitle="Document settings"
      />
      <ErrorBanner error={settings.error} />
      {settings.isPending ? <Loading /> : null}
      {settings.data ? <DocumentSettingsForm settings={settings.data} /> : null}
    </>
  );
}
