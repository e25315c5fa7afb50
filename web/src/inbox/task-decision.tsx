import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { Task, TaskOption } from "../contract.ts";
import { usePeople } from "../people/people.ts";
import { useCan } from "../session/me.ts";
import { ErrorBanner } from "../ui/error-banner.tsx";
import { decideTask } from "./inbox-queries.ts";
import { ProposalEditor, proposalEdits } from "./proposal-editor.tsx";

type JsonObject = Record<string, never>;

/** "Approved", "Rejected", or the option chosen when it is neither (e.g. "Decided: Short-pay"). */
function decidedAs(task: Task): string {
  if (task.status === "approved") return "Approved";
  if (task.status === "rejected") return "Rejected";
  const option = task.options.find((candidate) => candidate.id === task.decision?.option);
  return `Decided: ${option?.label ?? task.decision?.option ?? "—"}`;
}

/** The proposal (editable while the task is open), a comment, and one button per option. */
export function TaskDecision({ task }: { task: Task }) {
  const can = useCan();
  const people = usePeople();
  const queryClient = useQueryClient();
  const [edited, setEdited] = useState<JsonObject | null>(null);
  const [comment, setComment] = useState("");
  const [chosen, setChosen] = useState<TaskOption | null>(null);
  const open = task.status === "open" && can("tasks:decide");
  const decide = useMutation({
    mutationFn: (option: TaskOption) => {
      const edits = edited && task.context.proposal ? proposalEdits(task.context.proposal as JsonObject, edited) : undefined;
      return decideTask(task.id, {
        option: option.id,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
        ...(edits ? { edits } : {}),
      });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["tasks"] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen) decide.mutate(chosen);
  };
  return (
    <form className="panel decision" onSubmit={submit} aria-label="Decision">
      {task.context.proposal ? (
        <section className="decision__proposal">
          <h2 className="panel__title">{open ? "Proposal (you may correct it before deciding)" : "Proposal"}</h2>
          <ProposalEditor
            key={task.updated_at}
            proposal={task.context.proposal as JsonObject}
            readOnly={!open}
            onChange={(next) => setEdited(next as JsonObject)}
          />
        </section>
      ) : null}
      {open ? (
        <>
          <label className="field">
            <span className="field__label">Comment{chosen?.requires_comment ? " (required for this option)" : ""}</span>
            <textarea value={comment} rows={2} onChange={(event) => setComment(event.target.value)} />
          </label>
          <ErrorBanner error={decide.error} title="Not decided" />
          {decide.isSuccess && decide.data.status === "open" ? (
            <p className="banner banner--info" role="status">
              Your approval is recorded; {decide.data.required_approvals - decide.data.approvals.length} more needed.
            </p>
          ) : null}
          <div className="form-actions">
            {task.options.map((option) => (
              <button
                key={option.id}
                type="submit"
                className={
                  option.approves ? "button button--primary" : option.id === "reject" ? "button button--danger" : "button"
                }
                disabled={decide.isPending || (option.requires_comment && !comment.trim())}
                onClick={() => setChosen(option)}
              >
                {option.label}
              </button>
            ))}
          </div>
        </>
      ) : task.decision ? (
        <p className={task.status === "rejected" ? "banner banner--warn" : "banner banner--good"} data-testid="task-decided">
          {decidedAs(task)} by {people.nameOf(task.decision.by.user_id, task.decision.by.label)}
          {task.decision.by.on_behalf_of_user_id
            ? ` for ${people.nameOf(task.decision.by.on_behalf_of_user_id, task.decision.by.on_behalf_of)}`
            : task.decision.by.on_behalf_of
              ? ` for ${task.decision.by.on_behalf_of}`
              : ""}
          {task.decision.comment ? ` — “${task.decision.comment}”` : ""}
        </p>
      ) : (
        <p className="muted">This task is {task.status}.</p>
      )}
    </form>
  );
}
