import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { formatCount } from "../../format/format.ts";
import { Backlog, ErrorRate, SourceStatusBadge } from "../../integrations/source-health.tsx";
import { kindView } from "../../integrations/source-kinds.tsx";
import { sourcesQuery } from "../../integrations/source-queries.ts";
import { SYSTEM_LABELS } from "../../integrations/system-labels.ts";
import { useCan } from "../../session/me.ts";
import { Badge } from "../../ui/badge.tsx";
import { ErrorBanner } from "../../ui/error-banner.tsx";
import { Loading } from "../../ui/loading.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { TimeAgo } from "../../ui/time-ago.tsx";

/** The systems that send data in, each with its health (read again every few seconds) and where it sends to. */
export function SourcesPage() {
  const can = useCan();
  const sources = useQuery(sourcesQuery);
  return (
    <>
      <PageHeader
        title="Sources"
        subtitle="The systems that send Crossdock their data, how each is doing, and where each sends to."
        windowTitle="Sources"
        actions={
          can("ingest:admin") ? (
            <Link to="/integrations/sources/new" className="button button--primary">
              Add source
            </Link>
          ) : null
        }
      />
      {can("ingest:admin") ? null : (
        <p className="banner banner--info">
          You can watch the sources and what they sent; adding and changing them, and replaying what was quarantined, needs the{" "}
          <code>ingest:admin</code> scope.
        </p>
      )}
      <ErrorBanner error={sources.error} />
      {sources.isPending ? <Loading /> : null}
      {sources.data ? (
        sources.data.data.length === 0 ? (
          <p className="panel empty">
            No sources yet: nothing is coming in.{" "}
            {can("ingest:admin") ? "Add one, and give its address and secret to the system that sends." : null}
          </p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="sources-table">
              <thead>
                <tr>
                  <th scope="col">Source</th>
                  <th scope="col">Status</th>
                  <th scope="col">Last received</th>
                  <th scope="col" className="num">
                    Last hour
                  </th>
                  <th scope="col" className="num">
                    Last day
                  </th>
                  <th scope="col">Error rate (day)</th>
                  <th scope="col">Backlog</th>
                  <th scope="col" className="num">
                    Quarantined
                  </th>
                </tr>
              </thead>
              <tbody>
                {sources.data.data.map((source) => {
                  const kind = kindView(source.kind);
                  return (
                    <tr key={source.id} data-source-id={source.id}>
                      <td className="wrap">
                        <Link
                          to="/integrations/sources/$sourceId"
                          params={{ sourceId: source.id }}
                          search={{}}
                          className="table__primary-link mono"
                        >
                          {source.name}
                        </Link>{" "}
                        <Badge tone="info">{kind.label}</Badge> <span className="small">{SYSTEM_LABELS[source.system]}</span>
                        <div className="small">
                          <kind.Endpoint source={source} />
                        </div>
                      </td>
                      <td>
                        <SourceStatusBadge status={source.status} />
                      </td>
                      <td>
                        <TimeAgo value={source.health.last_received_at} />
                      </td>
                      <td className="num">{formatCount(source.health.received_last_hour)}</td>
                      <td className="num">{formatCount(source.health.received_last_day)}</td>
                      <td>
                        <ErrorRate health={source.health} />
                      </td>
                      <td>
                        <Backlog health={source.health} />
                      </td>
                      <td className="num">
                        {source.health.quarantined > 0 ? (
                          <Link
                            to="/integrations/receipts"
                            search={{ source: source.id, status: "quarantined" }}
                            aria-label={`${formatCount(source.health.quarantined)} quarantined from ${source.name}`}
                          >
                            <Badge tone="bad">{formatCount(source.health.quarantined)}</Badge>
                          </Link>
                        ) : (
                          <span className="muted">0</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )
      ) : null}
    </>
  );
}
