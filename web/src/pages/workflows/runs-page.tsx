import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { flowLabel } from "../../inbox/task-labels.ts";
import { flowsQuery, type RunsSearch, runsQuery } from "../../runs/run-queries.ts";
import { RunStatusBadge } from "../../runs/run-status.tsx";
import { StartRun } from "../../runs/start-run.tsx";
import { useCan } from "../../session/me.ts";
import { ErrorBanner } from "../../ui/error-banner.tsx";
import { Loading } from "../../ui/loading.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { TimeAgo } from "../../ui/time-ago.tsx";

const STATUSES = ["running", "waiting", "parked", "failed", "succeeded", "cancelled"];

/** Runs of the flows, newest first: by status, flow, or a record they concern. */
export function RunsPage({ search }: { search: RunsSearch }) {
  const can = useCan();
  const navigate = useNavigate();
  const runs = useQuery(runsQuery(search));
  const flows = useQuery(flowsQuery);
  const [record, setRecord] = useState(search.record ?? "");
  const go = (next: RunsSearch) => navigate({ to: "/workflows", search: next });
  return (
    <>
      <PageHeader
        title="Workflows"
        subtitle="Every run of a flow: where it is, what it waits for, what it wrote."
        windowTitle="Workflows"
        actions={can("workflows:start") && flows.data ? <StartRun flows={flows.data.data} /> : null}
      />
      <form
        className="filter-bar"
        onSubmit={(event) => {
          event.preventDefault();
          go({ ...search, record: record.trim() || undefined, before: undefined });
        }}
      >
        <label className="field field--inline">
          <span className="field__label">Status</span>
          <select
            value={search.status ?? ""}
            onChange={(event) => go({ ...search, status: event.target.value || undefined, before: undefined })}
          >
            <option value="">any</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </select>
        </label>
        <label className="field field--inline">
          <span className="field__label">Flow</span>
          <select
            value={search.flow ?? ""}
            onChange={(event) => go({ ...search, flow: event.target.value || undefined, before: undefined })}
          >
            <option value="">any</option>
            {flows.data?.data.map((flow) => (
              <option key={flow.name} value={flow.name}>
                {flow.title}
              </option>
            ))}
          </select>
        </label>
        <label className="field field--inline">
          <span className="field__label">Record</span>
          <input value={record} placeholder="an id, e.g. SO-1042" onChange={(event) => setRecord(event.target.value)} />
        </label>
        <button type="submit" className="button button--small">
          Find
        </button>
      </form>
      <ErrorBanner error={runs.error ?? flows.error} />
      {runs.isPending ? <Loading /> : null}
      {runs.data ? (
        runs.data.data.length === 0 ? (
          <p className="panel empty">No runs match.</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="runs-table">
              <thead>
                <tr>
                  <th scope="col">Run</th>
                  <th scope="col">Flow</th>
                  <th scope="col">Status</th>
                  <th scope="col">Stage</th>
                  <th scope="col">Started</th>
                  <th scope="col">Updated</th>
                </tr>
              </thead>
              <tbody>
                {runs.data.data.map((run) => (
                  <tr key={run.id}>
                    <td className="wrap">
                      <Link to="/workflows/runs/$runId" params={{ runId: run.id }} className="table__primary-link">
                        {run.title}
                      </Link>
                      {run.error ? <div className="muted small clamp">{run.error}</div> : null}
                    </td>
                    <td>
                      {flowLabel(run.flow)} <span className="muted small">v{run.flow_version}</span>
                    </td>
                    <td>
                      <RunStatusBadge status={run.status} />
                    </td>
                    <td>{run.stage}</td>
                    <td>
                      <TimeAgo value={run.created_at} />
                    </td>
                    <td>
                      <TimeAgo value={run.updated_at} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
      {runs.data?.next_before ? (
        <button
          type="button"
          className="button button--small"
          onClick={() => go({ ...search, before: runs.data?.next_before ?? undefined })}
        >
          Older runs
        </button>
      ) : null}
    </>
  );
}
