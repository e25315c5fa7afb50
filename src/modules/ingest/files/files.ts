import type { Readable } from "node:stream";
import type { Registry } from "prom-client";
import type { WriteContext } from "../../../platform/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { AppError } from "../../../platform/errors.ts";
import type { Logger } from "../../../platform/logger.ts";
import type { Keyring } from "../../../platform/secret-key.ts";
import type { Records } from "../../records/index.ts";
import type { FileDrop, FileDropInput, FileDropUpdate, FileImport, FileImportQuery } from "../contract/index.ts";
import { dropsHealth } from "./drop-health.ts";
import { type DropRunner, openTransport, startDropRunner } from "./drop-runner.ts";
import { createDrop, deleteDrop, findDropRow, listDropRows, toFileDrop, updateDrop } from "./drop-store.ts";
import { createFileMetrics } from "./file-metrics.ts";
import { getImportRow, listImports, resetImport, toFileImport } from "./import-store.ts";
import { uploadFile } from "./upload-file.ts";

export type FileDropsDeps = {
  db: Database;
  records: Records;
  logger: Logger;
  keyring: Keyring;
  metricsRegistry: Registry;
  clock: () => Date;
  /** Where local drops' folders are: `<root>/<tenant id>/<folder>` (CROSSDOCK_FILE_DROPS_DIR). */
  root: string;
  /** Rows written per chunk of a file; 5,000 unless a test wants smaller ones. */
  chunkRows?: number;
};

/** File drops: folders and SFTP directories watched for CSV, XLSX and JSONL files, each imported once. */
export function createFileDrops(deps: FileDropsDeps) {
  const storeDeps = { db: deps.db, keyring: deps.keyring, clock: deps.clock, root: deps.root };
  const metrics = createFileMetrics(deps.metricsRegistry, deps.db, deps.clock);
  let runner: DropRunner | undefined;

  const withHealth = async (tenantId: string, id: string): Promise<FileDrop> => {
    const row = await findDropRow(deps.db, tenantId, id);
    return toFileDrop(deps.root, row, (await dropsHealth(deps.db, tenantId, deps.clock())).get(row.id));
  };

  return {
    async create(ctx: WriteContext, input: FileDropInput): Promise<FileDrop> {
      const row = await createDrop(storeDeps, ctx, input);
      runner?.poke();
      return toFileDrop(deps.root, row);
    },
    async list(tenantId: string): Promise<FileDrop[]> {
      const found = await listDropRows(deps.db, tenantId);
      const health = await dropsHealth(deps.db, tenantId, deps.clock());
      return found.map((row) => toFileDrop(deps.root, row, health.get(row.id)));
    },
    get: (tenantId: string, idOrName: string) => withHealth(tenantId, idOrName),
    async update(ctx: WriteContext, idOrName: string, update: FileDropUpdate): Promise<FileDrop> {
      const row = await updateDrop(storeDeps, ctx, idOrName, update);
      runner?.poke();
      return withHealth(ctx.tenantId, row.id);
    },
    async remove(ctx: WriteContext, idOrName: string): Promise<void> {
      await deleteDrop(storeDeps, ctx, idOrName);
      runner?.poke();
    },
    /** A file sent through the API, put in the drop's folder to be imported like a dropped one. */
    async upload(ctx: WriteContext, idOrName: string, name: string, body: Readable) {
      const uploaded = await uploadFile(storeDeps, ctx, idOrName, name, body);
      if (!uploaded.duplicate) runner?.scanSoon(uploaded.import.drop_id);
      return uploaded;
    },
    imports: {
      list: (tenantId: string, query: FileImportQuery) => listImports(deps.db, tenantId, query),
      get: async (tenantId: string, importId: string): Promise<FileImport> =>
        toFileImport(await getImportRow(deps.db, tenantId, importId)),
      /** A failed import run again from its first line (after the mapping or the drop was fixed): its file goes back in the folder. */
      async rerun(ctx: WriteContext, importId: string): Promise<FileImport> {
        const before = await getImportRow(deps.db, ctx.tenantId, importId);
        if (before.status !== "failed") {
          throw new AppError("conflict", `File import ${importId} is ${before.status}: only a failed import is run again`);
        }
        const drop = await findDropRow(deps.db, ctx.tenantId, before.source_id).catch(() => {
          throw new AppError("conflict", `The drop of file import ${importId} was deleted`);
        });
        const transport = await openTransport(deps, drop);
        try {
          if (before.moved_to && before.moved_at) {
            try {
              await transport.restore(before.moved_to, before.file_name);
            } catch (error) {
              throw new AppError(
                "conflict",
                `The file is no longer at ${before.moved_to} in the drop's folder (${(error as Error).message}): drop it again`,
              );
            }
          }
        } finally {
          await transport.close();
        }
        // The watcher may have found the file back in the folder first, and run it again itself.
        const reset = await resetImport(deps.db, ctx, ctx.tenantId, importId).catch(async (error) => {
          if (error instanceof AppError && error.code === "conflict") return getImportRow(deps.db, ctx.tenantId, importId);
          throw error;
        });
        runner?.scanSoon(drop.id);
        return toFileImport(reset);
      },
    },
    /** Starts watching every active drop (worker processes). */
    start() {
      runner ??= startDropRunner({
        db: deps.db,
        records: deps.records,
        logger: deps.logger,
        keyring: deps.keyring,
        clock: deps.clock,
        metrics,
        root: deps.root,
        chunkRows: deps.chunkRows,
      });
    },
    /** Looks in every drop now and imports what is complete there (tests, the CLI). */
    scanAll: () => runner?.scanAll() ?? Promise.resolve(),
    async stop() {
      await runner?.stop();
      runner = undefined;
    },
  };
}
