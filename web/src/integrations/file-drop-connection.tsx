import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { FileDrop, FileImport, Source } from "../contract.ts";
import { formatCount } from "../format/format.ts";
import { Badge, type BadgeTone } from "../ui/badge.tsx";
import { KvItem } from "../ui/kv-item.tsx";
import { QueryView } from "../ui/query-view.tsx";
import { TimeAgo } from "../ui/time-ago.tsx";
import { ChangeSettingsButton } from "./change-settings-button.tsx";
import { EditFileDropForm } from "./edit-file-drop-form.tsx";
import { fileDropQuery, fileImportsQuery } from "./file-drop-queries.ts";

const IMPORT_TONES: Record<FileImport["status"], BadgeTone> = {
  pending: "neutral",
  running: "info",
  processed: "good",
  failed: "bad",
};

function formatOf(drop: FileDrop): string {
  const format = drop.format as { type: string; delimiter?: string; header_row?: number; sheet?: string; group_by?: string[] };
  const parts = [format.type.toUpperCase()];
  if (format.delimiter) parts.push(`delimiter ${JSON.stringify(format.delimiter)}`);
  if (format.header_row && format.header_row !== 1) parts.push(`header on line ${format.header_row}`);
  if (format.sheet) parts.push(`sheet ${format.sheet}`);
  if (format.group_by?.length) parts.push(`rows grouped by ${format.group_by.join(", ")}`);
  return parts.join(" · ");
}

function locationOf(drop: FileDrop): string {
  const location = drop.location;
  if (location.type === "folder") return location.path;
  return `sftp://${location.username}@${location.host}:${location.port}/${location.folder}`;
}

/** What an import did, in a line: rows and records, or why it failed. */
function ImportOutcome({ file }: { file: FileImport }) {
  if (file.report?.error) return <span className="clamp">{file.report.error.message}</span>;
  if (file.status === "pending" || file.status === "running") return <span className="muted">—</span>;
  return (
    <span>
      {formatCount(file.rows)} {file.rows === 1 ? "row" : "rows"} · {formatCount(file.inserted + file.updated)} written ·{" "}
      {formatCount(file.unchanged)} unchanged
      {file.rejected > 0 ? (
        <>
          {" "}
          · <Badge tone="bad">{formatCount(file.rejected)} rejected</Badge>
        </>
      ) : null}
    </span>
  );
}

function ImportsTable({ imports }: { imports: readonly FileImport[] }) {
  if (imports.length === 0) return <p className="muted">No file yet.</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="file-imports">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Found</th>
            <th scope="col">Status</th>
            <th scope="col">What it did</th>
            <th scope="col">Now in</th>
          </tr>
        </thead>
        <tbody>
          {imports.map((file) => (
            <tr key={file.id}>
              <td className="mono">{file.file_name}</td>
              <td>
                <TimeAgo value={file.detected_at} />
              </td>
              <td>
                <Badge tone={IMPORT_TONES[file.status]}>{file.status}</Badge>
              </td>
              <td>
                <ImportOutcome file={file} />
              </td>
              <td className="mono">{file.moved_to ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A file drop, on its source's page: where its files are, their format, and its latest files with their reports. */
export function FileDropConnection({ source }: { source: Source }) {
  const drop = useQuery(fileDropQuery(source.id));
  const imports = useQuery(fileImportsQuery(source.id));
  const [editing, setEditing] = useState(false);
  return (
    <QueryView query={drop} loading="Loading its drop…" failed="Its file drop could not be loaded">
      {(drop) =>
        editing ? (
          <div data-testid="file-drop-connection">
            <EditFileDropForm drop={drop} onDone={() => setEditing(false)} />
          </div>
        ) : (
          <div data-testid="file-drop-connection">
            <ChangeSettingsButton onClick={() => setEditing(true)} />
            <dl className="kv-grid">
              <KvItem label="Files in">
                <code>{locationOf(drop)}</code>
              </KvItem>
              <KvItem label="Format">{formatOf(drop)}</KvItem>
              <KvItem label="Files taken">
                <code>{drop.pattern}</code>, once their size has held {drop.settle_seconds} s
              </KvItem>
              <KvItem label="Folder read">
                {drop.health.scan_error ? (
                  <Badge tone="bad">{drop.health.scan_error}</Badge>
                ) : (
                  <>every {drop.poll_seconds} s and on change</>
                )}
              </KvItem>
            </dl>
            <p>
              Each file is imported once, row by row, and moved to <code>processed/</code> or <code>failed/</code> with its report
              beside it; rows that could not be imported are in its receipts. Files can also be uploaded through the API (
              <code>/api/v1/ingest/file-drops</code>).
            </p>
            <h3 className="field__label">Latest files</h3>
            <QueryView query={imports} loading="Loading its files…" failed="Its files could not be loaded">
              {(page) => <ImportsTable imports={page.data} />}
            </QueryView>
          </div>
        )
      }
    </QueryView>
  );
}
