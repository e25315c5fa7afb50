import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { RECORD_TYPES, type RecordTypeName } from "../../contract.ts";
import { formatCount } from "../../format/format.ts";
import { PRIMARY_TYPES } from "../../records/columns.ts";
import { pluralLabel } from "../../records/labels.ts";
import { recordsSummaryQuery } from "../../records/record-queries.ts";
import { ErrorBanner } from "../../ui/error-banner.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { TimeAgo } from "../../ui/time-ago.tsx";

/** Every canonical record type, with how many the tenant holds and when they last changed. */
export function RecordsIndexPage() {
  const summary = useQuery(recordsSummaryQuery);
  const byType = new Map(summary.data?.data.map((entry) => [entry.type, entry]));
  const ordered = [
    ...PRIMARY_TYPES,
    ...RECORD_TYPES.map((type) => type.name as RecordTypeName).filter((name) => !PRIMARY_TYPES.includes(name)),
  ];
  return (
    <>
      <PageHeader
        title="Records"
        subtitle="The records Crossdock mirrors from your ERP, WMS, TMS and CRM."
        windowTitle="Records"
      />
      <ErrorBanner error={summary.error} />
      <div className="table-wrap">
        <table className="table" data-testid="record-types">
          <thead>
            <tr>
              <th scope="col">Type</th>
              <th scope="col" className="num">
                Records
              </th>
              <th scope="col">Last change</th>
              <th scope="col">What it holds</th>
            </tr>
          </thead>
          <tbody>
            {ordered.map((name) => {
              const type = RECORD_TYPES.find((candidate) => candidate.name === name);
              if (!type) return null;
              const counts = byType.get(name);
              return (
                <tr key={name}>
                  <td>
                    <Link to="/records/$type" params={{ type: type.path }} search={{}}>
                      {pluralLabel(type)}
                    </Link>
                  </td>
                  <td className="num">{counts ? formatCount(counts.count) : "…"}</td>
                  <td>
                    <TimeAgo value={counts?.last_updated_at} />
                  </td>
                  <td className="muted">{type.description}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
