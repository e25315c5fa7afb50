import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { recordTypes } from "../../contract.ts";
import { formatMoney, formatTimestamp } from "../../format/format.ts";
import { commentOnTask, taskQuery } from "../../inbox/inbox-queries.ts";
import { AssigneeName, ReassignedTo, ReassignTask } from "../../inbox/reassign-task.tsx";
import { TaskDecision } from "../../inbox/task-decision.tsx";
import { flowLabel, isOverdue } from "../../inbox/task-labels.ts";
import { ActorName, PersonName } from "../../people/actor-name.tsx";
import { fieldLabel } from "../../records/labels.ts";
import { Badge } from "../../ui/badge.tsx";
import { ErrorBanner } from "../../ui/error-banner.tsx";
import { Loading } from "../../ui/loading.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { TimeAgo } from "../../ui/time-ago.tsx";

/** A record a task mentions, as a link when the console can show it. */
function RecordLink({ type, id, label }: { type: string; id: string; label: string | null }) {
  const recordType = recordTypes[type as keyof typeof recordTypes];
  if (!recordType) return <span>{label ?? id}</span>;
  return id.includes("_") && id.startsWith(`${recordType.prefix}_`) ? (
    <Link to="/records/$type/$id" params={{ type: recordType.path, id }}>
      {label ?? id}
    </Link>
  ) : (
    <Link
      to="/records/$type/external/$sourceSystem/$externalId"
      params={{ type: recordType.path, sourceSystem: "erp", externalId: id }}
    >
      {label ?? id}
    </Link>
  );
}

/** Everything needed to decide a task: what is at stake, why it was asked, the records, the proposal, the history. */
export function TaskPage({ taskId }: { taskId: string }) {
  const queryClient = useQueryClient();
  const result = useQuery(taskQuery(taskId));
  const [comment, setComment] = useState("");
  const addComment = useMutation({
    mutationFn: () => commentOnTask(taskId, comment.trim()),
    onSuccess: async () => {
      setComment("");
      await queryClient.invalidateQueries({ queryKey: ["tasks", "one", taskId] });
    },
  });
  if (result.isPending) return <Loading />;
  if (result.error) return <ErrorBanner error={result.error} title="This task could not be loaded" />;
  const { task, events } = result.data;
  const { context } = task;
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to="/inbox" search={{}}>
          Inbox
        </Link>
      </nav>
      <PageHeader
        title={task.title}
        subtitle={
          <>
            {flowLabel(task.flow)} · for <AssigneeName assignee={task.assignee} /> · opened <TimeAgo value={task.created_at} />
            {task.due_at ? (
              <>
                {" "}
                · due{" "}
                <span className={isOverdue(task) ? "overdue" : undefined}>
                  <TimeAgo value={task.due_at} />
                </span>
              </>
            ) : null}
            {task.run_id ? (
              <>
                {" · "}
                <Link to="/workflows/runs/$runId" params={{ runId: task.run_id }}>
                  the run
                </Link>
              </>
            ) : null}
          </>
        }
        windowTitle={task.title}
        actions={<ReassignTask task={task} />}
      />
      <div className="task-layout">
        <div>
          <section className="panel" aria-label="What is asked">
            <p className="task-summary">{task.summary}</p>
            <dl className="kv-inline">
              {context.money ? (
                <>
                  <dt>At stake</dt>
                  <dd data-testid="task-money">
                    {formatMoney((context.money.amount_minor / 100).toFixed(2), context.money.currency)}
                  </dd>
                </>
              ) : null}
              <dt>Requested by</dt>
              <dd>
                <ActorName actor={task.requested_by} />
              </dd>
              <dt>Approvals</dt>
              <dd>
                {task.approvals.length} of {task.required_approvals}
                {task.approvals.map((approval) => (
                  <span key={approval.user_id} className="muted">
                    {" "}
                    · <PersonName id={approval.user_id} fallback={approval.label} />
                    {approval.on_behalf_of_user_id ? (
                      <>
                        {" for "}
                        <PersonName id={approval.on_behalf_of_user_id} fallback={approval.on_behalf_of} />
                      </>
                    ) : approval.on_behalf_of ? (
                      ` for ${approval.on_behalf_of}`
                    ) : null}
                  </span>
                ))}
              </dd>
              {task.allowed_roles.length > 0 ? (
                <>
                  <dt>Who may decide</dt>
                  <dd>{task.allowed_roles.map(fieldLabel).join(", ")}</dd>
                </>
              ) : null}
            </dl>
          </section>
          {context.policy && context.policy.reasons.length > 0 ? (
            <section className="panel" aria-label="Why policy asks" data-testid="task-policy">
              <h2 className="panel__title">Why this needs you</h2>
              <ul>
                {context.policy.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
              <p className="muted small">Policies that decided: {context.policy.policies.join(", ") || "—"}</p>
            </section>
          ) : null}
          {context.summary ? (
            <section className="panel" aria-label="What Crossdock found">
              <h2 className="panel__title">
                What Crossdock found{" "}
                <Badge>{context.summary.engine === "rules" ? "rules, no model" : context.summary.engine}</Badge>
              </h2>
              <pre className="summary-text">{context.summary.text}</pre>
              {context.summary.sources.length > 0 ? (
                <p className="muted small">Sources: {context.summary.sources.map((source) => source.label).join(", ")}</p>
              ) : null}
            </section>
          ) : null}
          <TaskDecision task={task} />
        </div>
        <aside>
          {context.records.length > 0 || context.document ? (
            <section className="panel" aria-label="Records">
              <h2 className="panel__title">Records</h2>
              <ul className="plain-list">
                {context.document ? <li>Document: {context.document.label}</li> : null}
                {context.records.map((record) => (
                  <li key={`${record.type}:${record.id}`}>
                    {fieldLabel(record.type)}: <RecordLink {...record} />
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section className="panel" aria-label="History" data-testid="task-history">
            <h2 className="panel__title">History</h2>
            <ol className="timeline">
              {events.map((event) => (
                <li key={event.id}>
                  <span className="timeline__when" title={formatTimestamp(event.at)}>
                    <TimeAgo value={event.at} />
                  </span>{" "}
                  <strong>{event.kind}</strong> by <ActorName actor={event.actor} />
                  <ReassignedTo event={event} />
                  {event.comment ? <div className="timeline__comment">“{event.comment}”</div> : null}
                </li>
              ))}
            </ol>
            <label className="field">
              <span className="field__label">Add a comment</span>
              <textarea rows={2} value={comment} onChange={(event) => setComment(event.target.value)} />
            </label>
            <ErrorBanner error={addComment.error} />
            <button
              type="button"
              className="button button--small"
              disabled={!comment.trim() || addComment.isPending}
              onClick={() => addComment.mutate()}
            >
              Comment
            </button>
          </section>
        </aside>
      </div>
    </>
  );
}
