import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { Assignee, Task, TaskEvent } from "../contract.ts";
import { usePeople } from "../people/people.ts";
import { PersonPicker } from "../people/person-picker.tsx";
import { useCan } from "../session/me.ts";
import { useRoleChoices } from "../settings-workflows/role-choices.ts";
import { workQueuesQuery } from "../settings-workflows/work-queue-queries.ts";
import { Dialog } from "../ui/dialog.tsx";
import { ErrorBanner } from "../ui/error-banner.tsx";
import { reassignTask } from "./inbox-queries.ts";
import { assigneeLabel } from "./task-labels.ts";

/** Who a task is for, by name when the caller may see names. */
export function AssigneeName({ assignee }: { assignee: Assignee }) {
  const people = usePeople();
  return <>{assignee.type === "user" ? people.nameOf(assignee.id) : assigneeLabel(assignee)}</>;
}

/** " to Cass", after a "reassigned" entry of a task's history. */
export function ReassignedTo({ event }: { event: TaskEvent }) {
  const to = reassignedTo(event);
  return to ? (
    <>
      {" "}
      to <AssigneeName assignee={to} />
    </>
  ) : null;
}

/** The assignee a "reassigned" event moved the task to, when it says. */
function reassignedTo(event: TaskEvent): Assignee | null {
  const to = event.data.to as Partial<Assignee> | undefined;
  return event.kind === "reassigned" && to && (to.type === "user" || to.type === "role" || to.type === "queue") && to.id
    ? { type: to.type, id: to.id }
    : null;
}

/** "Reassign" on an open task, for those who may decide tasks: to a person, a work queue or a role, with a reason. */
export function ReassignTask({ task }: { task: Task }) {
  const can = useCan();
  const [open, setOpen] = useState(false);
  if (task.status !== "open" || !can("tasks:decide")) return null;
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Reassign
      </button>
      <Dialog open={open} title="Reassign this task" onClose={() => setOpen(false)}>
        <ReassignForm task={task} onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function ReassignForm({ task, onDone }: { task: Task; onDone: () => void }) {
  const can = useCan();
  const queryClient = useQueryClient();
  const people = usePeople();
  const roles = useRoleChoices();
  const queues = useQuery(workQueuesQuery);
  const [chosenType, setType] = useState<Assignee["type"]>(can("tasks:read") ? "user" : "queue");
  // Without the people directory (not loaded, or not allowed), a task goes to a queue or a role.
  const offerPeople = people.active !== null || people.loading;
  const type = chosenType === "user" && !offerPeople ? "queue" : chosenType;
  const [target, setTarget] = useState("");
  const [reason, setReason] = useState("");
  const reassign = useMutation({
    mutationFn: () => reassignTask(task.id, { type, id: target }, reason.trim() || undefined),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["tasks"] });
      onDone();
    },
  });
  const options: { id: string; label: string }[] =
    type === "queue"
      ? (queues.data?.data ?? []).map((queue) => ({
          id: queue.name,
          label: queue.description ? `${queue.name} — ${queue.description}` : queue.name,
        }))
      : roles.map((role) => ({ id: role.name, label: `Everyone who is ${role.label}` }));
  const current = (choice: { id: string }) => (task.assignee.type === type && task.assignee.id === choice.id ? " (now)" : "");
  const label = type === "user" ? "Person" : type === "queue" ? "Queue" : "Role";
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reassign.mutate();
  };
  return (
    <form onSubmit={submit} data-testid="reassign-form">
      <ErrorBanner error={reassign.error ?? queues.error} title={reassign.error ? "Not reassigned" : undefined} />
      <fieldset className="checkbox-list">
        <legend className="field__label">Give it to</legend>
        {(
          [...(offerPeople ? [["user", "A person"]] : []), ["queue", "A work queue"], ["role", "A role"]] as [
            Assignee["type"],
            string,
          ][]
        ).map(([value, label]) => (
          <label key={value} className="checkbox">
            <input
              type="radio"
              name="assignee-type"
              value={value}
              checked={type === value}
              onChange={() => {
                setType(value);
                setTarget("");
              }}
            />
            <span>{label}</span>
          </label>
        ))}
      </fieldset>
      {type === "user" && people.active ? (
        <PersonPicker
          label={label}
          searchLabel="Find a person"
          people={people}
          value={target}
          onChange={setTarget}
          placeholder="Choose…"
          required
          describe={(user) => `${user.name} (${user.email})${current(user)}`}
        />
      ) : (
        <label className="field">
          <span className="field__label">{label}</span>
          <select required value={target} onChange={(event) => setTarget(event.target.value)}>
            <option value="">{type === "user" ? "Loading people…" : "Choose…"}</option>
            {type === "user"
              ? null
              : options.map((choice) => (
                  <option key={choice.id} value={choice.id}>
                    {choice.label}
                    {current(choice)}
                  </option>
                ))}
          </select>
          {type === "queue" && queues.data?.data.length === 0 ? (
            <span className="field__hint">No work queues yet: an administrator creates them in Settings.</span>
          ) : null}
        </label>
      )}
      <label className="field">
        <span className="field__label">Reason</span>
        <textarea rows={2} value={reason} onChange={(event) => setReason(event.target.value)} />
        <span className="field__hint">Shown in the task's history.</span>
      </label>
      <p className="field__hint">Whoever it goes to still needs a role allowed to decide it.</p>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={reassign.isPending || !target}>
          {reassign.isPending ? "Reassigning…" : "Reassign"}
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
