import type { Database } from "../../../platform/db/database.ts";
import type { Logger } from "../../../platform/logger.ts";
import type { Records } from "../../records/index.ts";
import type { CompiledMapping } from "../mapping/index.ts";
import type { DropRow } from "./drop-store.ts";
import type { FileMetrics } from "./file-metrics.ts";
import { importFile } from "./import-file.ts";
import {
  claimImport,
  countDuplicate,
  extendLease,
  finishImport,
  type ImportRow,
  LeaseLostError,
  markMoved,
  registerImport,
  releaseLease,
  resetImport,
} from "./import-store.ts";
import { buildReport, duplicateReport } from "./report.ts";
import type { DropTransport, StagedFile } from "./transport/transport.ts";

/** A run that stopped this often before finishing (crashes, database faults) is failed for a person to look at. */
export const MAX_ATTEMPTS = 5;

export type TakeDeps = {
  db: Database;
  records: Records;
  logger: Logger;
  clock: () => Date;
  metrics: FileMetrics;
  /** This process, as the holder of leases. */
  owner: string;
  leaseMs: number;
  chunkRows?: number | undefined;
  signal: AbortSignal;
};

export type Taken = "imported" | "failed" | "duplicate" | "moved" | "busy" | "stopped";

/** Writes the report beside the file's new place and moves it there; a file moved already stays where it is. */
async function settle(deps: TakeDeps, transport: DropTransport, drop: DropRow, name: string, row: ImportRow): Promise<void> {
  await transport.settle(name, row.moved_to as string, `${JSON.stringify(row.report, null, 2)}\n`);
  await markMoved(deps.db, drop.tenant_id, row.id, deps.clock());
}

/**
 * What becomes of a complete file found in a drop. Its content (SHA-256) names its import, once per
 * drop: new content is imported (leased, so one process does it); content imported before is a
 * duplicate, moved to processed/ with a note and not imported again; content whose import ended but
 * whose file was not moved yet (a crash in between) is moved now; content that failed before is
 * run again, from its first line.
 */
export async function takeFile(
  deps: TakeDeps,
  transport: DropTransport,
  drop: DropRow,
  mapping: () => CompiledMapping,
  name: string,
  staged: StagedFile,
  origin: "folder" | "sftp",
): Promise<Taken> {
  const tenantId = drop.tenant_id;
  let { row } = await registerImport(deps.db, tenantId, {
    sourceId: drop.id,
    fileName: name,
    sha256: staged.sha256,
    size: staged.size,
    origin,
    now: deps.clock(),
  });
  if (row.status === "processed" || row.status === "failed") {
    if (row.moved_at === null && row.moved_to !== null) {
      await settle(deps, transport, drop, name, row);
      return "moved";
    }
    if (row.status === "processed") {
      const now = deps.clock();
      const target = await transport.target("processed", name, `duplicate-${now.getTime()}`);
      await transport.settle(name, target, `${JSON.stringify(duplicateReport(row, name, now), null, 2)}\n`);
      await countDuplicate(deps.db, tenantId, row.id);
      deps.metrics.imported("duplicate");
      deps.logger.info({ drop: drop.name, file: name, import: row.id }, "file drop: the same content was imported before");
      return "duplicate";
    }
    row = await resetImport(deps.db, undefined, tenantId, row.id);
  }
  const claimed = await claimImport(deps.db, tenantId, row.id, deps.owner, deps.clock(), deps.leaseMs);
  if (!claimed) return "busy";
  row = claimed;

  let outcome: Awaited<ReturnType<typeof importFile>>;
  if (row.attempts > MAX_ATTEMPTS) {
    outcome = {
      status: "failed",
      error: { message: `Importing stopped ${MAX_ATTEMPTS} times before it finished (a crash or a database fault)`, line: null },
    };
  } else {
    const lost = new AbortController();
    const heartbeat = setInterval(() => {
      const until = new Date(deps.clock().getTime() + deps.leaseMs);
      extendLease(deps.db, tenantId, row.id, deps.owner, until).then(
        (held) => {
          if (!held) lost.abort();
        },
        () => undefined,
      );
    }, deps.leaseMs / 3);
    try {
      let compiled: CompiledMapping | undefined;
      let unusable: string | undefined;
      try {
        compiled = mapping();
      } catch (error) {
        unusable = `The drop's mapping cannot be used: ${(error as Error).message}`;
      }
      outcome = !compiled
        ? { status: "failed", error: { message: unusable ?? "The drop has no mapping", line: null } }
        : await importFile(
            {
              db: deps.db,
              records: deps.records,
              clock: deps.clock,
              leaseMs: deps.leaseMs,
              ...(deps.chunkRows ? { chunkRows: deps.chunkRows } : {}),
              signal: AbortSignal.any([deps.signal, lost.signal]),
              onChunk: (counts) => {
                deps.metrics.rows("written", counts.written);
                deps.metrics.rows("rejected", counts.rejected);
                deps.metrics.rows("skipped", counts.skipped);
              },
            },
            {
              tenantId,
              sourceId: drop.id,
              dropName: drop.name,
              sourceSystem: drop.source_system,
              mapping: compiled,
              format: drop.format,
              importId: row.id,
              fileName: name,
              sha256: staged.sha256,
              owner: deps.owner,
              checkpoint: Number(row.checkpoint_line),
              problemsKept: row.problems.length,
              rerun: row.reruns > 0,
            },
            staged.path,
          );
    } catch (error) {
      clearInterval(heartbeat);
      if (!(error instanceof LeaseLostError)) await releaseLease(deps.db, tenantId, row.id, deps.owner).catch(() => undefined);
      throw error;
    }
    clearInterval(heartbeat);
    if (outcome.status === "stopped") {
      if (lost.signal.aborted) throw new LeaseLostError(row.id);
      await releaseLease(deps.db, tenantId, row.id, deps.owner);
      return "stopped";
    }
  }
  const status = outcome.status;
  const target = await transport.target(status === "processed" ? "processed" : "failed", name, row.id.slice(-10));
  const finished = await finishImport(
    deps.db,
    tenantId,
    row.id,
    deps.owner,
    { status, error: status === "failed" ? outcome.error : null, movedTo: target, now: deps.clock() },
    (done) => buildReport(done, drop.name),
  );
  deps.metrics.imported(status);
  deps.logger.info(
    {
      drop: drop.name,
      file: name,
      import: row.id,
      status,
      rows: Number(finished.rows_read),
      rejected: Number(finished.rejected),
    },
    "file drop: file imported",
  );
  await settle(deps, transport, drop, name, finished);
  return status === "processed" ? "imported" : "failed";
}
