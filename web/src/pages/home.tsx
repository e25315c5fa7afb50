import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { auditPageQuery } from "../audit/audit-queries.ts";
import { describeAction } from "../audit/describe-action.ts";
import { formatCount } from "../format/format.ts";
import { pluralLabel } from "../records/labels.ts";
import { recordsSummaryQuery } from "../records/record-queries.ts";
import { useCan, useMe } from "../session/me.ts";
import { ErrorBanner } from "../ui/error-banner.tsx";
import { Loading } from "../ui/loading.tsx";
import { PageHeader } from "../ui/page-header.tsx";
import { TimeAgo } from "../ui/time-ago.tsx";

export function HomePage() {
  const me = useMe();
  const can = useCan();
  const tenant = me.acting_tenant ?? me.tenant;
  const name = me.user?.name ?? me.actor.label ?? "there";
  return (
    <>
      <PageHeader
        title={`Welcome, ${name}`}
        subtitle={tenant ? `${tenant.name} · ${tenant.slug}` : undefined}
        windowTitle="Home"
      />
      <div className="home-grid">
        {can("records:read") ? <RecordCounts /> : null}
        {can("audit:read") ? <RecentActivity /> : null}
        {!can("records:read") && !can("audit:read") ? (
          <section className="panel">
            <p>
              Your roles do not include reading records or the audit trail. The areas in the sidebar are the ones open to you.
            </p>
          </section>
        ) : null}
      </div>
    </>
  );
}

function RecordCounts() {
  const summary = useQuery(recordsSummaryQuery);
  return (
    <section className="panel" aria-labelledby="home-records">
      <h2 id="home-records" className="panel__title">
        Records
      </h2>
      {summary.isPending ? <Loading /> : null}
      <ErrorBanner error={summary.error} />
      {summary.data ? (
        <ul className="count-grid" data-testid="record-counts">
          {summary.data.data.map((type) => (
            <li key={type.type}>
              <Link to="/records/$type" params={{ type: type.path }} search={{}} className="count-tile">
                <span className="count-tile__value">{formatCount(type.count)}</span>
                <span className="count-tile__label">{pluralLabel(type)}</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function RecentActivity() {
  const recent = useQuery(auditPageQuery({ limit: "8" }));
  return (
    <section className="panel" aria-labelledby="home-activity">
      <h2 id="home-activity" className="panel__title">
        Recent activity
      </h2>
      {recent.isPending ? <Loading /> : null}
      <ErrorBanner error={recent.error} />
      {recent.data ? (
        recent.data.data.length === 0 ? (
          <p className="muted">Nothing has happened in this tenant yet.</p>
        ) : (
          <ul className="activity">
            {recent.data.data.map((entry) => (
              <li key={entry.id} className="activity__item">
                <span className="activity__what">{describeAction(entry)}</span>
                <span className="activity__who">{entry.actor.label ?? entry.actor.id}</span>
                <TimeAgo value={entry.occurred_at} />
              </li>
            ))}
          </ul>
        )
      ) : null}
      <Link to="/audit" search={{}}>
        Open the audit trail
      </Link>
    </section>
  );
}
