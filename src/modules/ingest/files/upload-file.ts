import type { Readable } from "node:stream";
import type { WriteContext } from "../../../platform/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import { withTenant } from "../../../platform/db/tenant-scope.ts";
import { AppError } from "../../../platform/errors.ts";
import type { Keyring } from "../../../platform/secret-key.ts";
import { appendAudit } from "../../governance/index.ts";
import type { FileUploaded } from "../contract/index.ts";
import { openTransport, stagingDir } from "./drop-runner.ts";
import { findDropRow } from "./drop-store.ts";
import { isInProgress, matchesPattern } from "./file-pattern.ts";
import { countDuplicate, findImport, registerImport, resetImport, toFileImport } from "./import-store.ts";
import { stageStream } from "./transport/transport.ts";

export type UploadDeps = { db: Database; keyring: Keyring; clock: () => Date; root: string };

/** A file name as it may be put in a folder: no path, no control characters, not hidden. */
function checkName(name: string, pattern: string): void {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
  if (!/^[^/\\\u0000-\u001f]{1,200}$/.test(name) || name === "." || name === ".." || isInProgress(name)) {
    throw new AppError("bad_request", `"${name}" cannot be a file's name in a drop: no path, no leading '.', no .part`);
  }
  if (!matchesPattern(name, pattern)) {
    throw new AppError("bad_request", `The drop takes files named ${pattern}; "${name}" would be left in its folder`);
  }
}

/**
 * A file sent through the API into a drop, for people without access to its folder: kept in the
 * drop's folder (or SFTP directory) as if dropped there, and imported by the watcher like any other.
 * The same content imported (or being imported) before is not put there again.
 */
export async function uploadFile(
  deps: UploadDeps,
  ctx: WriteContext,
  dropIdOrName: string,
  name: string,
  body: Readable,
): Promise<FileUploaded> {
  const drop = await findDropRow(deps.db, ctx.tenantId, dropIdOrName);
  checkName(name, drop.pattern);
  const staged = await stageStream(stagingDir(deps.root), body, "upload");
  try {
    if (staged.size === 0) throw new AppError("bad_request", "The file is empty");
    const before = await findImport(deps.db, ctx.tenantId, drop.id, staged.sha256);
    if (before && before.status !== "failed") {
      await countDuplicate(deps.db, ctx.tenantId, before.id);
      return { import: toFileImport({ ...before, duplicates: before.duplicates + 1 }), duplicate: true };
    }
    const transport = await openTransport(deps, drop);
    let placed: string;
    try {
      placed = await transport.put(staged.path, name);
    } finally {
      await transport.close();
    }
    const row = before
      ? await resetImport(deps.db, ctx, ctx.tenantId, before.id)
      : (
          await registerImport(deps.db, ctx.tenantId, {
            sourceId: drop.id,
            fileName: placed,
            sha256: staged.sha256,
            size: staged.size,
            origin: "upload",
            now: deps.clock(),
          })
        ).row;
    await withTenant(deps.db, ctx.tenantId, (tx) =>
      appendAudit(tx, {
        ...ctx,
        action: "ingest.file_drop.file_uploaded",
        resourceType: "ingest_file_drop",
        resourceId: drop.id,
        data: { name: drop.name, file_name: placed, sha256: staged.sha256, size: staged.size, import_id: row.id },
      }),
    );
    return { import: toFileImport(row), duplicate: false };
  } finally {
    await staged.release();
  }
}
