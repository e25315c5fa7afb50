import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { StoredFile } from "../contract.ts";
import { formatCount } from "../format/format.ts";
import { useCan } from "../session/me.ts";
import { Badge } from "../ui/badge.tsx";
import { ErrorBanner } from "../ui/error-banner.tsx";
import { TimeAgo } from "../ui/time-ago.tsx";
import { quarantineReason } from "./document-labels.ts";
import { retryFile } from "./document-queries.ts";

function RetryButton({ file }: { file: StoredFile }) {
  const queryClient = useQueryClient();
  const retry = useMutation({
    mutationFn: () => retryFile(file.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["documents"] });
    },
  });
  return (
    <>
      <button
        type="button"
        className="button button--small"
        disabled={retry.isPending || file.status !== "quarantined"}
        onClick={() => retry.mutate()}
      >
        {retry.isPending ? "Retrying…" : "Retry"}
        <span className="visually-hidden"> {file.name}</span>
      </button>
      <ErrorBanner error={retry.error} title="Not retried" />
    </>
  );
}

const FILE_STATUS: Record<StoredFile["status"], { label: string; tone: "neutral" | "good" | "warn" | "bad" | "info" }> = {
  pending: { label: "Waiting to be read", tone: "info" },
  reading: { label: "Being read", tone: "info" },
  read: { label: "Read", tone: "good" },
  quarantined: { label: "Quarantined", tone: "bad" },
};

/** Files that could not be read, with the reason; an administrator reads one again once what stopped it is fixed. */
export function QuarantineTable({ files }: { files: readonly StoredFile[] }) {
  const can = useCan();
  const admin = can("documents:admin");
  return (
    <div className="table-wrap">
      <table className="table" data-testid="quarantine-table">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Status</th>
            <th scope="col">Why</th>
            <th scope="col">From</th>
            <th scope="col" className="num">
              Tries
            </th>
            <th scope="col">Received</th>
            {admin ? (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {files.map((file) => (
            <tr key={file.id} data-file-id={file.id}>
              <td>
                <span className="mono">{file.name}</span>
                <div className="small muted">
                  {file.type} · {formatCount(file.size)} bytes
                </div>
              </td>
              <td>
                <Badge tone={FILE_STATUS[file.status].tone}>{FILE_STATUS[file.status].label}</Badge>
              </td>
              <td className="wrap" data-testid="quarantine-reason">
                {file.status === "quarantined" ? (
                  <>
                    <strong>{quarantineReason(file.reason)}</strong>
                    {file.reason_detail ? <div className="small">{file.reason_detail}</div> : null}
                  </>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td>
                {file.channel}
                {file.sender ? <div className="small muted">{file.sender}</div> : null}
              </td>
              <td className="num">{formatCount(file.attempts)}</td>
              <td>
                <TimeAgo value={file.received_at} />
              </td>
              {admin ? (
                <td>
                  <RetryButton file={file} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
