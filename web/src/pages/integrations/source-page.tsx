import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import type { SourceWithSecret } from "../../contract.ts";
import type { ReceiptsSearch } from "../../integrations/receipt-queries.ts";
import { ReceiptsList } from "../../integrations/receipts-list.tsx";
import { SecretOnce } from "../../integrations/secret-once.tsx";
import { HealthTiles, SourceStatusBadge } from "../../integrations/source-health.tsx";
import { kindView } from "../../integrations/source-kinds.tsx";
import { SourceMappingPanel } from "../../integrations/source-mapping-panel.tsx";
import { rotateSourceSecret, sourceQuery, updateSource } from "../../integrations/source-queries.ts";
import { SYSTEM_LABELS } from "../../integrations/system-labels.ts";
import { useCan } from "../../session/me.ts";
import { Badge } from "../../ui/badge.tsx";
import { ConfirmDialog } from "../../ui/confirm-dialog.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { ErrorBanner } from "../../ui/error-banner.tsx";
import { Loading } from "../../ui/loading.tsx";
import { PageHeader } from "../../ui/page-header.tsx";
import { TimeAgo } from "../../ui/time-ago.tsx";

export type SourceSearch = Omit<ReceiptsSearch, "source">;

/** One source: its health, how to connect its system, its mapping, and what it sent; for admins pause, resume and a new secret. */
export function SourcePage({ sourceId, search }: { sourceId: string; search: SourceSearch }) {
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const result = useQuery(sourceQuery(sourceId));
  const [confirmRotate, setConfirmRotate] = useState(false);
  const [rotated, setRotated] = useState<SourceWithSecret | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["ingest"] });
  const setStatus = useMutation({
    mutationFn: (status: "active" | "paused") => updateSource(sourceId, { status }),
    onSuccess: refresh,
  });
  const rotate = useMutation({
    mutationFn: () => rotateSourceSecret(sourceId),
    onSuccess: async (source) => {
      setConfirmRotate(false);
      setRotated(source);
      await refresh();
    },
  });
  if (result.isPending) return <Loading />;
  if (result.error) {
    return (
      <>
        <PageHeader title="Source" windowTitle="Source" />
        <ErrorBanner error={result.error} title="This source could not be loaded" />
        <Link to="/integrations/sources">Back to sources</Link>
      </>
    );
  }
  const source = result.data;
  const kind = kindView(source.kind);
  const isAdmin = can("ingest:admin");
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to="/integrations/sources">Sources</Link>
      </nav>
      <PageHeader
        title={<span className="mono">{source.name}</span>}
        subtitle={
          <>
            <Badge tone="info">{kind.label}</Badge> {SYSTEM_LABELS[source.system]} · <SourceStatusBadge status={source.status} />{" "}
            · records kept under <code>{source.source_system}</code> · added <TimeAgo value={source.created_at} />
          </>
        }
        windowTitle={source.name}
        actions={
          isAdmin ? (
            <>
              {!kind.pausable ? null : source.status === "active" ? (
                <button
                  type="button"
                  className="button"
                  disabled={setStatus.isPending}
                  onClick={() => setStatus.mutate("paused")}
                >
                  Pause
                </button>
              ) : (
                <button
                  type="button"
                  className="button button--primary"
                  disabled={setStatus.isPending}
                  onClick={() => setStatus.mutate("active")}
                >
                  Resume
                </button>
              )}
              {kind.hasSecret ? (
                <button type="button" className="button button--danger" onClick={() => setConfirmRotate(true)}>
                  New secret…
                </button>
              ) : null}
            </>
          ) : null
        }
      />
      <ErrorBanner error={setStatus.error} />
      {source.status === "paused" ? (
        <p className="banner banner--warn" data-testid="paused-banner">
          Paused: the source keeps receiving and storing payloads, and processes them once it is resumed.
        </p>
      ) : null}
      <HealthTiles source={source} />
      <section className="panel" aria-labelledby="connection-title">
        <h2 id="connection-title" className="panel__title">
          Connection
        </h2>
        <kind.Connection source={source} />
      </section>
      <SourceMappingPanel source={source} editable={isAdmin && kind.mappingEditable} />
      <section aria-labelledby="receipts-title">
        <h2 id="receipts-title" className="panel__title">
          What it sent
        </h2>
        <ReceiptsList
          search={{ ...search, source: source.id }}
          onSearch={(next) =>
            navigate({
              to: "/integrations/sources/$sourceId",
              params: { sourceId },
              search: { status: next.status, cursor: next.cursor },
            })
          }
        />
      </section>
      <ConfirmDialog
        open={confirmRotate}
        title="Make a new signing secret?"
        confirmLabel="Make a new secret"
        pendingLabel="Making…"
        pending={rotate.isPending}
        error={rotate.error}
        onConfirm={() => rotate.mutate()}
        onClose={() => setConfirmRotate(false)}
      >
        The current secret of <strong className="mono">{source.name}</strong> stops working at once: its system's webhooks are
        refused (401) until it signs with the new one. The new secret is shown once.
      </ConfirmDialog>
      <Dialog open={rotated !== null} title="The new signing secret" onClose={() => setRotated(null)}>
        {rotated ? (
          <>
            <SecretOnce secret={rotated.secret}>
              Give it to the system that sends to <span className="mono">{rotated.name}</span>.
            </SecretOnce>
            <div className="form-actions">
              <button type="button" className="button" onClick={() => setRotated(null)}>
                Done
              </button>
            </div>
          </>
        ) : null}
      </Dialog>
    </>
  );
}
