import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { PullConnector, Source } from "../contract.ts";
import { useCan } from "../session/me.ts";
import { Badge } from "../ui/badge.tsx";
import { ErrorBanner } from "../ui/error-banner.tsx";
import { KvItem } from "../ui/kv-item.tsx";
import { Loading } from "../ui/loading.tsx";
import { QueryView } from "../ui/query-view.tsx";
import { TimeAgo } from "../ui/time-ago.tsx";
import { ChangeSettingsButton } from "./change-settings-button.tsx";
import { EditPullConnectorForm } from "./edit-pull-connector-form.tsx";
import { formatDuration, lagTone } from "./health-format.ts";
import {
  pausePullConnector,
  pullConnectorsQuery,
  pullRunsQuery,
  resumePullConnector,
  runPullNow,
} from "./pull-connector-queries.ts";
import { PullIntervalForm } from "./pull-interval-form.tsx";
import { PullRunOutcome, PullRunStatusBadge, PullRunsTable } from "./pull-runs-table.tsx";

/** Where a connector reads from, in a line (its secrets are never shown). */
function readsFrom(connector: PullConnector): string {
  const connection = connector.connection as Record<string, unknown>;
  if (connector.kind === "rest") return String(connection.base_url ?? "");
  const port = connection.port ? `:${String(connection.port)}` : "";
  return `${String(connection.dialect)}://${String(connection.host)}${port}/${String(connection.database)}`;
}

/**
 * A pull connector's resource, on its source's page: where it reads from, how often, its last run
 * and lag, and its latest runs; admins run it now, and pause or resume the connector.
 */
export function PullConnection({ source }: { source: Source }) {
  const can = useCan();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const connectors = useQuery(pullConnectorsQuery);
  const found = connectors.data?.data.flatMap((connector) =>
    connector.streams.filter((stream) => stream.source_id === source.id).map((stream) => ({ connector, stream })),
  )[0];
  const runs = useQuery({ ...pullRunsQuery(found?.connector.id ?? "", found?.stream.resource ?? ""), enabled: !!found });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["ingest", "pull-connectors"] });
  const act = useMutation({
    mutationFn: async (action: "run" | "pause" | "resume"): Promise<void> => {
      if (!found) throw new Error("This source has no connector");
      const id = found.connector.id;
      if (action === "run") await runPullNow(id, found.stream.resource);
      else if (action === "pause") await pausePullConnector(id);
      else await resumePullConnector(id);
    },
    onSuccess: refresh,
  });
  if (connectors.isPending) return <Loading label="Loading its connector…" />;
  if (connectors.error) return <ErrorBanner error={connectors.error} title="Its connector could not be loaded" />;
  if (!found) {
    return <p className="muted">The connector that read this resource was removed; what it quarantined is still here.</p>;
  }
  const { connector, stream } = found;
  const paused = connector.status === "paused";
  if (editing) {
    return (
      <div data-testid="pull-connection">
        <EditPullConnectorForm connector={connector} resource={stream.resource} onDone={() => setEditing(false)} />
      </div>
    );
  }
  return (
    <div data-testid="pull-connection">
      <ChangeSettingsButton onClick={() => setEditing(true)} />
      <dl className="kv-grid">
        <KvItem label="Connector">
          <span className="mono">{connector.name}</span> · {connector.kind === "rest" ? "REST API" : "SQL database"} · resource{" "}
          <span className="mono">{stream.resource}</span>{" "}
          {paused ? <Badge tone="warn">paused</Badge> : <Badge tone="good">active</Badge>}
        </KvItem>
        <KvItem label="Reads from">
          <code>{readsFrom(connector)}</code>
        </KvItem>
        <KvItem label="Every">
          {formatDuration(connector.interval_seconds)}
          {paused ? null : (
            <> · next {stream.running ? <Badge tone="info">running now</Badge> : <TimeAgo value={stream.next_run_at} />}</>
          )}
        </KvItem>
        <KvItem label="Data as of">
          {stream.lag_seconds === null ? (
            <span className="muted">no successful run yet</span>
          ) : (
            <>
              <TimeAgo value={stream.last_success_at} />{" "}
              <Badge tone={lagTone(stream.lag_seconds)}>lag {formatDuration(stream.lag_seconds)}</Badge>
            </>
          )}
        </KvItem>
      </dl>
      <p data-testid="pull-last-run">
        <strong>Last run:</strong>{" "}
        {stream.last_run ? (
          <>
            <PullRunStatusBadge status={stream.last_run.status} /> <TimeAgo value={stream.last_run.started_at} /> —{" "}
            <PullRunOutcome run={stream.last_run} />
          </>
        ) : (
          <span className="muted">none yet</span>
        )}
      </p>
      {can("ingest:admin") ? (
        <div className="form-actions">
          <button
            type="button"
            className="button button--primary"
            disabled={act.isPending || paused}
            title={paused ? "The connector is paused" : undefined}
            onClick={() => act.mutate("run")}
          >
            Run now
          </button>
          <button
            type="button"
            className="button"
            disabled={act.isPending}
            onClick={() => act.mutate(paused ? "resume" : "pause")}
          >
            {paused ? "Resume the connector" : "Pause the connector"}
          </button>
        </div>
      ) : null}
      <ErrorBanner error={act.error} />
      {can("ingest:admin") ? <PullIntervalForm connector={connector} /> : null}
      <h3 className="field__label">Latest runs</h3>
      <QueryView query={runs} loading="Loading its runs…" failed="Its runs could not be loaded">
        {(page) => <PullRunsTable runs={page.data} />}
      </QueryView>
      <p className="muted">
        Resources are added and removed through the API (<code>/api/v1/ingest/pull-connectors</code>), which also previews a
        resource's first page mapped, and reads a resource again from the start.
      </p>
    </div>
  );
}
