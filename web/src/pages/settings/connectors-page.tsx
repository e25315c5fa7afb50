import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Connector } from "../../contract.ts";
import { useCan } from "../../session/me.ts";
import { authOf, targetOf } from "../../settings-workflows/connector-draft.ts";
import { ConnectorForm } from "../../settings-workflows/connector-form.tsx";
import { connectorsQuery, deleteConnector } from "../../settings-workflows/connector-queries.ts";
import { Badge } from "../../ui/badge.tsx";
import { ConfirmDialog } from "../../ui/confirm-dialog.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { ErrorBanner } from "../../ui/error-banner.tsx";
import { Loading } from "../../ui/loading.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { TimeAgo } from "../../ui/time-ago.tsx";

const KIND_LABEL = { rest: "REST", edi: "EDI", email: "Email" } as const;

/** Where governed writes go: the tenant's REST, EDI and email connectors. Secrets are only ever replaced. */
export function ConnectorsPage() {
  const can = useCan();
  const queryClient = useQueryClient();
  const connectors = useQuery(connectorsQuery);
  const [editing, setEditing] = useState<Connector | "new" | null>(null);
  const [deleting, setDeleting] = useState<Connector | null>(null);
  const remove = useMutation({
    mutationFn: (connector: Connector) => deleteConnector(connector.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["connectors"] });
      setDeleting(null);
    },
  });
  const isAdmin = can("connectors:admin");
  return (
    <>
      <PageHeader
        title="Connectors"
        subtitle="The systems Crossdock writes to — ERP, trading partners, email — and how it reaches them."
        windowTitle="Connectors"
        actions={
          isAdmin ? (
            <button type="button" className="button button--primary" onClick={() => setEditing("new")}>
              Add connector
            </button>
          ) : null
        }
      />
      <ErrorBanner error={connectors.error} />
      {connectors.isPending ? <Loading /> : null}
      {connectors.data ? (
        connectors.data.data.length === 0 ? (
          <p className="panel empty">No connectors yet: flows cannot write anywhere until one is added.</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="connectors-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Target</th>
                  <th scope="col">Auth</th>
                  <th scope="col">Writes it carries</th>
                  <th scope="col">Changed</th>
                  {isAdmin ? (
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {connectors.data.data.map((connector) => {
                  const auth = authOf(connector);
                  return (
                    <tr key={connector.id} data-connector-id={connector.id}>
                      <td>
                        <span className="mono">{connector.name}</span>
                        {connector.description ? <div className="muted small">{connector.description}</div> : null}
                      </td>
                      <td>
                        <Badge tone="info">{KIND_LABEL[connector.kind]}</Badge>
                      </td>
                      <td className="mono small">{targetOf(connector)}</td>
                      <td>{auth ? <Badge tone="good">{auth} · secret set</Badge> : <span className="muted">none</span>}</td>
                      <td className="small">
                        {connector.action_kinds.length === 0 ? (
                          <span className="muted">none</span>
                        ) : (
                          connector.action_kinds.join(", ")
                        )}
                      </td>
                      <td>
                        <TimeAgo value={connector.updated_at} />
                      </td>
                      {isAdmin ? (
                        <td className="table__actions">
                          <button type="button" className="button button--small" onClick={() => setEditing(connector)}>
                            Edit<span className="visually-hidden"> {connector.name}</span>
                          </button>{" "}
                          <button
                            type="button"
                            className="button button--small button--danger"
                            onClick={() => setDeleting(connector)}
                          >
                            Delete<span className="visually-hidden"> {connector.name}</span>
                          </button>
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )
      ) : null}
      <Dialog
        open={editing !== null}
        title={editing === "new" ? "Add a connector" : `Edit ${editing?.name ?? ""}`}
        onClose={() => setEditing(null)}
      >
        {editing ? (
          <ConnectorForm
            key={editing === "new" ? "new" : editing.id}
            connector={editing === "new" ? null : editing}
            onDone={() => setEditing(null)}
          />
        ) : null}
      </Dialog>
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this connector?"
        confirmLabel="Delete connector"
        pendingLabel="Deleting…"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onClose={() => setDeleting(null)}
      >
        {deleting ? (
          <>
            Flows that write through <strong className="mono">{deleting.name}</strong> will fail until a connector of that name is
            added again. Past writes keep saying where they went.
          </>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
