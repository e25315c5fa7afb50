import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { decideTasks, type InboxSearch, tasksQuery } from "../../inbox/inbox-queries.ts";
import { TaskTable } from "../../inbox/task-table.tsx";
import { useCan } from "../../session/me.ts";
import { ErrorBanner } from "../../ui/error-banner.tsx";
import { Loading } from "../../ui/loading.tsx";
import { PageHeader } from "../../ui/page-header.tsx";

const STATUSES = [
  { value: "open", label: "Open" },
  { value: "approved,decided,rejected", label: "Decided" },
  { value: "expired,cancelled", label: "Expired or cancelled" },
];

/** Tasks and approvals waiting for the caller (or everyone's, for task administrators), with bulk decisions. */
export function InboxPage({ search }: { search: InboxSearch }) {
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const tasks = useQuery(tasksQuery(search));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [comment, setComment] = useState("");
  const bulk = useMutation({
    mutationFn: (option: string) =>
      decideTasks({ task_ids: [...selected], option, ...(comment.trim() ? { comment: comment.trim() } : {}) }),
    onSuccess: async () => {
      setSelected(new Set());
      await queryClient.invalidateQueries({ queryKey: ["tasks"] });
    },
  });
  const go = (next: InboxSearch) => navigate({ to: "/inbox", search: next });
  const refused = bulk.data?.results.filter((result) => !result.ok) ?? [];
  return (
    <>
      <PageHeader
        title="Inbox"
        subtitle="Tasks and approvals waiting for you: what the machine proposes, and why it asks."
        windowTitle="Inbox"
      />
      <div className="filter-bar">
        {can("tasks:admin") ? (
          <label className="field field--inline">
            <span className="field__label">Show</span>
            <select
              value={search.view ?? "mine"}
              onChange={(event) => go({ ...search, view: event.target.value as "mine" | "all", before: undefined })}
            >
              <option value="mine">Mine</option>
              <option value="all">Everyone's</option>
            </select>
          </label>
        ) : null}
        <label className="field field--inline">
          <span className="field__label">Status</span>
          <select
            value={search.status ?? "open"}
            onChange={(event) => go({ ...search, status: event.target.value, before: undefined })}
          >
            {STATUSES.map((status) => (
              <option key={status.value} value={status.value}>
                {status.label}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={search.overdue === "true"}
            onChange={(event) => go({ ...search, overdue: event.target.checked ? "true" : undefined, before: undefined })}
          />
          <span>Overdue only</span>
        </label>
      </div>
      {selected.size > 0 && can("tasks:decide") ? (
        <section className="bulk-bar" aria-label="Decide the selected tasks">
          <strong>{selected.size} selected</strong>
          <input
            aria-label="Comment for all"
            placeholder="Comment (needed to reject)"
            value={comment}
            onChange={(event) => setComment(event.target.value)}
          />
          <button
            type="button"
            className="button button--primary button--small"
            disabled={bulk.isPending}
            onClick={() => bulk.mutate("approve")}
          >
            Approve all
          </button>
          <button
            type="button"
            className="button button--danger button--small"
            disabled={bulk.isPending || !comment.trim()}
            onClick={() => bulk.mutate("reject")}
          >
            Reject all
          </button>
        </section>
      ) : null}
      <ErrorBanner error={bulk.error} />
      {bulk.data ? (
        <p className={refused.length > 0 ? "banner banner--warn" : "banner banner--good"} role="status" data-testid="bulk-result">
          {bulk.data.results.length - refused.length} decided
          {refused.length > 0 ? `; ${refused.length} refused: ${refused.map((result) => result.error).join("; ")}` : "."}
        </p>
      ) : null}
      <ErrorBanner error={tasks.error} />
      {tasks.isPending ? <Loading /> : null}
      {tasks.data ? (
        tasks.data.data.length === 0 ? (
          <p className="panel empty" data-testid="inbox-empty">
            Nothing waiting for you{search.status && search.status !== "open" ? " here" : ""}.
          </p>
        ) : (
          <>
            <TaskTable tasks={tasks.data.data} selected={selected} onSelect={setSelected} />
            <nav className="pager" aria-label="Pages">
              <span />
              <span className="pager__buttons">
                <button
                  type="button"
                  className="button button--small"
                  disabled={!search.before}
                  onClick={() => go({ ...search, before: undefined })}
                >
                  Newest
                </button>
                <button
                  type="button"
                  className="button button--small"
                  disabled={!tasks.data.next_before}
                  onClick={() => go({ ...search, before: tasks.data?.next_before ?? undefined })}
                >
                  Older
                </button>
              </span>
            </nav>
          </>
        )
      ) : null}
    </>
  );
}
