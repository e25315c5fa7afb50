import { mkdir, readdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { WriteContext } from "../../../platform/actor.ts";
import type { Logger } from "../../../platform/logger.ts";
import { createStableFiles } from "../../../platform/stable-files.ts";
import type { FileChannel, Received } from "../contract/documents.ts";

export type WatchedFolderDeps = {
  logger: Logger;
  /** The tenants to watch a folder for (the active ones). */
  tenantIds: () => Promise<string[]>;
  /** The inbox root: each active tenant gets a folder under it named by its id. */
  root: string;
  receive: (
    ctx: WriteContext,
    file: { name: string; bytes: Uint8Array; channel: FileChannel; sender?: string | null },
  ) => Promise<Received>;
  /** A file is taken once its size and time have held this long (a copy still being written is left alone). */
  settleMs?: number;
  pollMs?: number;
  clock?: () => Date;
};

export type WatchedFolder = {
  /** Looks in every tenant's folder now, taking each settled file; resolves when done. */
  scanNow(): Promise<void>;
  start(): void;
  stop(): Promise<void>;
};

const DONE_FOLDERS = new Set(["processed", "failed"]);
const FOLDER_ACTOR: WriteContext["actor"] = { type: "system", id: "documents-folder", label: "documents folder" };

/** A name for a file moved out of the inbox: the time it was taken first, so names never clash. */
const stamped = (name: string, at: Date) => `${at.toISOString().replace(/[:.]/g, "-")}-${name}`;

/**
 * The documents inbox on disk: `<root>/<tenant id>/`. A file dropped there (by a scanner, an MFP,
 * another system) is taken once it has settled, stored as that tenant's, and moved to
 * `processed/`; one that cannot be stored (too large) goes to `failed/` with a `.reason.txt`
 * beside it. Nothing is deleted. Several processes may watch the same root: a file another took
 * first is gone when this one moves it, and its bytes are a duplicate either way.
 */
export function createWatchedFolder(deps: WatchedFolderDeps): WatchedFolder {
  const settleMs = deps.settleMs ?? 2_000;
  const pollMs = deps.pollMs ?? 5_000;
  const clock = deps.clock ?? (() => new Date());
  const stable = createStableFiles(() => settleMs);
  let timer: NodeJS.Timeout | undefined;
  let scanning: Promise<void> | undefined;

  async function take(tenantId: string, folder: string, name: string): Promise<void> {
    const file = path.join(folder, name);
    const at = clock();
    try {
      const bytes = await readFile(file);
      const received = await deps.receive({ tenantId, actor: FOLDER_ACTOR }, { name, bytes, channel: "folder", sender: null });
      await mkdir(path.join(folder, "processed"), { recursive: true });
      await rename(file, path.join(folder, "processed", stamped(name, at)));
      deps.logger.info(
        { tenant: tenantId, file: received.file.id, name, duplicate: received.duplicate },
        "document taken from the inbox folder",
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return; // another process took it
      await mkdir(path.join(folder, "failed"), { recursive: true });
      const failed = path.join(folder, "failed", stamped(name, at));
      await rename(file, failed).catch(() => undefined);
      await writeFile(`${failed}.reason.txt`, `${(error as Error).message}\n`).catch(() => undefined);
      deps.logger.warn({ err: error, tenant: tenantId, name }, "a document in the inbox folder could not be stored");
    }
  }

  async function scanTenant(tenantId: string, listed: Set<string>): Promise<void> {
    const folder = path.join(deps.root, tenantId);
    await mkdir(folder, { recursive: true });
    const now = clock().getTime();
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      if (!entry.isFile() || entry.name.startsWith(".") || DONE_FOLDERS.has(entry.name)) continue;
      const file = path.join(folder, entry.name);
      const info = await stat(file).catch(() => undefined);
      if (!info) continue;
      listed.add(file);
      if (stable.check({ name: file, size: info.size, mtimeMs: info.mtimeMs }, now).ready)
        await take(tenantId, folder, entry.name);
    }
  }

  async function scan(): Promise<void> {
    const listed = new Set<string>();
    for (const tenantId of await deps.tenantIds()) {
      try {
        await scanTenant(tenantId, listed);
      } catch (error) {
        deps.logger.warn({ err: error, tenant: tenantId }, "the documents inbox folder could not be read");
      }
    }
    // Taken files are listed no more next time: what they looked like is forgotten then.
    stable.keepOnly(listed);
  }

  const scanNow = () => {
    scanning ??= scan().finally(() => {
      scanning = undefined;
    });
    return scanning;
  };

  return {
    scanNow,
    start() {
      if (timer) return;
      const tick = () => {
        void scanNow()
          .catch((error) => deps.logger.error({ err: error }, "scanning the documents inbox failed"))
          .finally(() => {
            if (timer) timer = setTimeout(tick, pollMs);
          });
      };
      timer = setTimeout(tick, 0);
    },
    async stop() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      await scanning?.catch(() => undefined);
    },
  };
}
