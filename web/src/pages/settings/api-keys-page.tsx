import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../api/client.ts";
import type { ApiKey } from "../../contract.ts";
import { useCan } from "../../session/me.ts";
import { CreateApiKeyForm } from "../../settings/create-api-key-form.tsx";
import { apiKeysQuery } from "../../settings/settings-queries.ts";
import { Badge } from "../../ui/badge.tsx";
import { ConfirmDialog } from "../../ui/confirm-dialog.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { ErrorBanner } from "../../ui/error-banner.tsx";
import { Loading } from "../../ui/loading.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { TimeAgo } from "../../ui/time-ago.tsx";

function keyState(key: ApiKey): { label: string; tone: "good" | "bad" | "warn" } {
  if (key.revoked_at) return { label: "revoked", tone: "bad" };
  if (key.expires_at && new Date(key.expires_at).getTime() <= Date.now()) return { label: "expired", tone: "warn" };
  return { label: "active", tone: "good" };
}

export function ApiKeysPage() {
  const can = useCan();
  const queryClient = useQueryClient();
  const keys = useQuery(apiKeysQuery);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const revoke = useMutation({
    mutationFn: (key: ApiKey) => api("DELETE", `/api/v1/api-keys/${encodeURIComponent(key.id)}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["api-keys"] });
      setRevoking(null);
    },
  });
  const isAdmin = can("api_keys:admin");
  return (
    <>
      <PageHeader
        title="API keys"
        subtitle="Keys integrations use to call the REST API. Each carries only the scopes it was given."
        windowTitle="API keys"
        actions={
          isAdmin ? (
            <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
              Create API key
            </button>
          ) : null
        }
      />
      <ErrorBanner error={keys.error} />
      {keys.isPending ? <Loading /> : null}
      {keys.data ? (
        keys.data.data.length === 0 ? (
          <p className="panel empty">No API keys yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="api-keys-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Id</th>
                  <th scope="col">Scopes</th>
                  <th scope="col">State</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Expires</th>
                  {isAdmin ? (
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {keys.data.data.map((key) => {
                  const state = keyState(key);
                  return (
                    <tr key={key.id} data-key-id={key.id}>
                      <td>{key.name}</td>
                      <td className="mono small">{key.id}</td>
                      <td>
                        {key.scopes.map((scope) => (
                          <Badge key={scope} tone="info">
                            {scope}
                          </Badge>
                        ))}
                      </td>
                      <td>
                        <Badge tone={state.tone}>{state.label}</Badge>
                      </td>
                      <td>
                        <TimeAgo value={key.created_at} />
                      </td>
                      <td>{key.last_used_at ? <TimeAgo value={key.last_used_at} /> : <span className="muted">never</span>}</td>
                      <td>{key.expires_at ? <TimeAgo value={key.expires_at} /> : <span className="muted">never</span>}</td>
                      {isAdmin ? (
                        <td>
                          {key.revoked_at ? null : (
                            <button
                              type="button"
                              className="button button--small button--danger"
                              onClick={() => setRevoking(key)}
                            >
                              Revoke<span className="visually-hidden"> {key.name}</span>
                            </button>
                          )}
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
      <Dialog open={creating} title="Create an API key" onClose={() => setCreating(false)}>
        <CreateApiKeyForm onDone={() => setCreating(false)} />
      </Dialog>
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke this key?"
        confirmLabel="Revoke key"
        pendingLabel="Revoking…"
        pending={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        onClose={() => setRevoking(null)}
      >
        {revoking ? (
          <>
            <strong>{revoking.name}</strong> (<code>{revoking.id}</code>) stops working at once. Integrations using it will get
            401 until they are given a new key. This cannot be undone.
          </>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
