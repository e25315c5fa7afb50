import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { auditPageQuery } from "../audit/audit-queries.ts";
import { AuditTable } from "../audit/audit-table.tsx";
import { useCan } from "../session/me.ts";
import { ErrorBanner } from "../ui/error-banner.tsx";
import { Loading } from "../ui/loading.tsx";

/** The audit entries that name this record, alone or in a batch. */
export function RecordAuditTab({ id }: { id: string }) {
  const can = useCan();
  const entries = useQuery({ ...auditPageQuery({ record: id, limit: "50" }), enabled: can("audit:read") });
  if (!can("audit:read")) {
    return (
      <p className="panel muted">
        Reading the audit trail needs the <code>audit:read</code> scope, which your roles do not grant.
      </p>
    );
  }
  if (entries.isPending) return <Loading />;
  if (entries.error) return <ErrorBanner error={entries.error} />;
  return (
    <>
      <AuditTable entries={entries.data.data} />
      <Link to="/audit" search={{ record: id }}>
        Open in the audit trail
      </Link>
    </>
  );
}
