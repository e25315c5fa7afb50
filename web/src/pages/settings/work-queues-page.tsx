import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { WorkQueue } from "../../contract.ts";
import { usePeople } from "../../people/people.ts";
import { useCan } from "../../session/me.ts";
import { useRoleChoices } from "../../settings-workflows/role-choices.ts";
import { WorkQueueForm } from "../../settings-workflows/work-queue-form.tsx";
import { workQueuesQuery } from "../../settings-workflows/work-queue-queries.ts";
import { Badge } from "../../ui/badge.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { ErrorBanner } from "../../ui/error-banner.tsx";
import { Loading } from "../../ui/loading.tsx";
import { PageHeader } from "../../ui/page-header.tsx";

/** Work queues: shared inboxes that tasks may be assigned to, for the holders of some roles and some named people. */
export function WorkQueuesPage() {
  const can = useCan();
  const queues = useQuery(workQueuesQuery);
  const people = usePeople();
  const roles = useRoleChoices();
  const [editing, setEditing] = useState<WorkQueue | "new" | null>(null);
  const isAdmin = can("tasks:admin");
  const roleLabel = (name: string) => roles.find((role) => role.name === name)?.label ?? name;
  return (
    <>
      <PageHeader
        title="Work queues"
        subtitle="Shared inboxes: a task given to a queue is for everyone holding its roles and everyone it lists."
        windowTitle="Work queues"
        actions={
          isAdmin ? (
            <button type="button" className="button button--primary" onClick={() => setEditing("new")}>
              Create queue
            </button>
          ) : null
        }
      />
      <ErrorBanner error={queues.error ?? people.error} />
      {queues.isPending ? <Loading /> : null}
      {queues.data ? (
        queues.data.data.length === 0 ? (
          <p className="panel empty">No work queues yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="work-queues-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">For</th>
                  <th scope="col">Roles</th>
                  <th scope="col">People</th>
                  {isAdmin ? (
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {queues.data.data.map((queue) => (
                  <tr key={queue.name}>
                    <td className="mono">{queue.name}</td>
                    <td>{queue.description || <span className="muted">—</span>}</td>
                    <td>
                      {queue.roles.length === 0 ? <span className="muted">none</span> : null}
                      {queue.roles.map((role) => (
                        <Badge key={role}>{roleLabel(role)}</Badge>
                      ))}
                    </td>
                    <td>
                      {queue.user_ids.length === 0 ? (
                        <span className="muted">none</span>
                      ) : (
                        queue.user_ids.map((id) => people.nameOf(id)).join(", ")
                      )}
                    </td>
                    {isAdmin ? (
                      <td>
                        <button type="button" className="button button--small" onClick={() => setEditing(queue)}>
                          Edit<span className="visually-hidden"> {queue.name}</span>
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
      <Dialog
        open={editing !== null}
        title={editing === "new" ? "Create a work queue" : `Edit ${editing?.name ?? ""}`}
        onClose={() => setEditing(null)}
      >
        {editing ? (
          <WorkQueueForm
            key={editing === "new" ? "new" : editing.name}
            queue={editing === "new" ? null : editing}
            roles={roles}
            people={people}
            onDone={() => setEditing(null)}
          />
        ) : null}
      </Dialog>
    </>
  );
}
