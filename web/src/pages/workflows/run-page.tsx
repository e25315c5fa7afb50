import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { flowLabel } from "../../inbox/task-labels.ts";
import { parseActorRef } from "../../people/actor.ts";
import { ActorName } from "../../people/actor-name.tsx";
import { RunActions } from "../../runs/run-actions.tsx";
import { controlRun, runQuery } from "../../runs/run-queries.ts";
import { RunStatusBadge } from "../../runs/run-status.tsx";
import { RunTimeline } from "../../runs/run-timeline.tsx";
import { useCan } from "../../session/me.ts";
import { Dialog } from "../../ui/dialog.tsx";
import { ErrorBanner } from "../../ui/error-banner.tsx";
import { Loading } from "../../ui/loading.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { TimeAgo } from "../../ui/time-ago.tsx";

/**
 * JSON in a narrow column: long lines wrap rather than scroll sideways, and a long block (it
 * scrolls, up to its maximum height) can be focused and scrolled from the keyboard.
 */
function JsonBlock({ label, value }: { label: string; value: unknown }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="json-block" aria-label={label} tabIndex={0}>
      <pre style={{ margin: 0, whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{JSON.stringify(value, null, 2)}</pre>
    </section>
  );
}

/** One run: where it is, its timeline, what it wrote, and (for admins) retry or cancel with a reason. */
export function RunPage({ runId }: { runId: string }) {
  const can = useCan();
  const queryClient = useQueryClient();
  const result = useQuery(runQuery(runId));
  const [verb, setVerb] = useState<"cancel" | "retry" | null>(null);
  const [reason, setReason] = useState("");
  const control = useMutation({
    mutationFn: () => controlRun(runId, verb as "cancel" | "retry", reason.trim()),
    onSuccess: async () => {
      setVerb(null);
      setReason("");
      await queryClient.invalidateQueries({ queryKey: ["runs"] });
    },
  });
  if (result.isPending) return <Loading />;
  if (result.error) return <ErrorBanner error={result.error} title="This run could not be loaded" />;
  const { run, timeline, actions } = result.data;
  const finished = ["succeeded", "failed", "cancelled"].includes(run.status);
  // The timeline's first entry keeps what was recorded of the starter, for when the directory does not know them.
  const starter = parseActorRef(run.started_by, timeline.find((event) => event.kind === "started")?.actor_label);
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to="/workflows" search={{}}>
          Workflows
        </Link>
      </nav>
      <PageHeader
        title={run.title}
        subtitle={
          <>
            {flowLabel(run.flow)} v{run.flow_version} · <RunStatusBadge status={run.status} /> · stage {run.stage} · started{" "}
            <TimeAgo value={run.created_at} /> by <ActorName actor={starter} />
          </>
        }
        windowTitle={run.title}
        actions={
          can("workflows:admin") ? (
            <>
              {run.status === "failed" || run.status === "running" ? (
                <button type="button" className="button" onClick={() => setVerb("retry")}>
                  Retry…
                </button>
              ) : null}
              {!finished ? (
                <button type="button" className="button button--danger" onClick={() => setVerb("cancel")}>
                  Cancel…
                </button>
              ) : null}
            </>
          ) : null
        }
      />
      {run.error ? <p className="banner banner--error">{run.error}</p> : null}
      {run.parked_reason ? <p className="banner banner--warn">Parked: {run.parked_reason}</p> : null}
      {run.wait ? (
        <p className="banner banner--info" data-testid="run-wait">
          Waiting for{" "}
          {run.wait.kind === "task" ? "a decision" : run.wait.kind === "event" ? `event ${run.wait.event_key}` : "a timer"}
          {run.wait.deadline ? (
            <>
              {" "}
              until <TimeAgo value={run.wait.deadline} />
            </>
          ) : null}
          {run.wait.task_id ? (
            <>
              {" — "}
              <Link to="/inbox/$taskId" params={{ taskId: run.wait.task_id }}>
                open the task
              </Link>
            </>
          ) : null}
        </p>
      ) : null}
      <div className="run-layout">
        {/* The writes' table has six columns: it needs the wide column, under the timeline. */}
        <div>
          <section className="panel" aria-label="Timeline">
            <h2 className="panel__title">Timeline</h2>
            <RunTimeline events={timeline} />
          </section>
          <section className="panel" aria-label="Writes">
            <h2 className="panel__title">Written to systems of record</h2>
            <RunActions actions={actions} />
          </section>
        </div>
        <div>
          <section className="panel" aria-label="Input and output">
            <h2 className="panel__title">Input</h2>
            <JsonBlock label="The run's input" value={run.input} />
            {run.output !== null ? (
              <>
                <h2 className="panel__title">Output</h2>
                <JsonBlock label="The run's output" value={run.output} />
              </>
            ) : null}
            {run.links.length > 0 ? (
              <p className="muted small">
                Concerns: {run.links.map((link) => `${link.type} ${link.label ?? link.id}`).join(", ")}
              </p>
            ) : null}
          </section>
        </div>
      </div>
      <Dialog
        open={verb !== null}
        title={verb === "cancel" ? "Cancel this run?" : "Retry this run?"}
        onClose={() => setVerb(null)}
      >
        <p>
          {verb === "cancel"
            ? "Its waits close and its open tasks are cancelled. What it already wrote stays written."
            : "The stage that failed (or is stuck) runs again, from its start, writing afresh."}
        </p>
        <label className="field">
          <span className="field__label">Reason (kept in the timeline and the audit trail)</span>
          <textarea rows={2} value={reason} onChange={(event) => setReason(event.target.value)} />
        </label>
        <ErrorBanner error={control.error} />
        <div className="form-actions">
          <button
            type="button"
            className="button button--primary"
            disabled={reason.trim().length < 3 || control.isPending}
            onClick={() => control.mutate()}
          >
            {verb === "cancel" ? "Cancel the run" : "Retry"}
          </button>
        </div>
      </Dialog>
    </>
  );
}
