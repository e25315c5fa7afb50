import { useQuery } from "@tanstack/react-query";
import { usePageTitle } from "../../branding/use-branding.tsx";
import { filesQuery } from "../../documents/document-queries.ts";
import { QuarantineTable } from "../../documents/quarantine-table.tsx";
import { QueryView } from "../../ui/query-view.tsx";

/** Files that could not be read, with why: kept, never lost, until read again. */
export function QuarantinePage() {
  usePageTitle("Quarantine");
  const files = useQuery(filesQuery("quarantined"));
  return (
    <QueryView query={files} loading="Loading the quarantine…" failed="The quarantine could not be loaded">
      {({ data }) =>
        data.length === 0 ? (
          <p className="panel empty" data-testid="quarantine-empty">
            Nothing in quarantine: every file sent in could be read.
          </p>
        ) : (
          <QuarantineTable files={data} />
        )
      }
    </QueryView>
  );
}
