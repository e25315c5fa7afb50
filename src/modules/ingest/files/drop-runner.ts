import { randomBytes } from "node:crypto";
import { type FSWatcher, watch } from "node:fs";
import { mkdir } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Database } from "../../../platform/db/database.ts";
import { withTenant } from "../../../platform/db/tenant-scope.ts";
import type { Logger } from "../../../platform/logger.ts";
import type { Keyring } from "../../../platform/secret-key.ts";
import { createStableFiles } from "../../../platform/stable-files.ts";
import type { Records } from "../../records/index.ts";
import type { CompiledMapping } from "../mapping/index.ts";
import { compileSourceMapping } from "../sources/source-mapping.ts";
import { allDropRows, type DropRow, localFolder, openSftpSecret } from "./drop-store.ts";
import type { FileMetrics } from "./file-metrics.ts";
import { matchesPattern } from "./file-pattern.ts";
import { takeFile } from "./take-file.ts";
import { localFolderTransport } from "./transport/local-folder.ts";
import { sftpTransport } from "./transport/sftp.ts";
import type { DropTransport, StagedFile } from "./transport/transport.ts";

export type RunnerDeps = {
  db: Database;
  records: Records;
  logger: Logger;
  keyring: Keyring;
  clock: () => Date;
  metrics: FileMetrics;
  /** The local drops' root (CROSSDOCK_FILE_DROPS_DIR). */
  root: string;
  /** How long a process holds a file import it works on; another takes it over after that. */
  leaseMs?: number;
  /** Rows per chunk (tests make them small). */
  chunkRows?: number | undefined;
};

/** How often the list of drops is read again (drops changed by another process). */
const REFRESH_MS = 10_000;
const LEASE_MS = 120_000;

export type DropRunner = {
  /** Drops changed: read them again now. */
  poke(): void;
  /** A file was put in this drop: look in it now. */
  scanSoon(dropId: string): void;
  /** Looks in every drop now and takes every complete file; resolves when done (tests, the CLI). */
  scanAll(): Promise<void>;
  stop(): Promise<void>;
};

/** Where a drop's files are, opened for one look. */
export async function openTransport(deps: Pick<RunnerDeps, "keyring" | "root">, drop: DropRow): Promise<DropTransport> {
  if (drop.location === "folder") {
    const folder = localFolder(deps.root, drop.tenant_id, drop.folder);
    await mkdir(folder, { recursive: true });
    return localFolderTransport(folder);
  }
  const secret = await openSftpSecret(deps.keyring, drop);
  return sftpTransport({
    host: drop.sftp?.host ?? "",
    port: drop.sftp?.port ?? 22,
    username: drop.sftp?.username ?? "",
    password: secret.password,
    privateKey: secret.private_key,
    passphrase: secret.passphrase,
    hostFingerprint: drop.sftp?.host_fingerprint,
    folder: drop.folder,
    stagingDir: stagingDir(deps.root),
  });
}

export const stagingDir = (root: string) => path.join(root, ".staging");

type Watched = {
  drop: DropRow;
  stable: ReturnType<typeof createStableFiles>;
  /** Local files hashed before, by name: not read again while their size and time hold. */
  hashes: Map<string, { size: number; mtimeMs: number; sha256: string }>;
  mapping?: { at: string; compiled: CompiledMapping };
  watcher?: FSWatcher;
  poll?: NodeJS.Timeout;
  soon?: NodeJS.Timeout;
  queued: boolean;
  /** The scan error last recorded, so it is written only when it changes. */
  error: string | null | undefined;
};

/**
 * Watches every active drop of every tenant: a local folder with fs.watch and a periodic listing
 * (fs.watch misses events on some file systems), an SFTP directory with the listing alone. Files
 * still being written are left until they settle (or are renamed from `.part`). Complete files are
 * taken one at a time per process, in the order found; processes that watch the same drops share
 * the work through the file imports' leases.
 */
export function startDropRunner(deps: RunnerDeps): DropRunner {
  const owner = `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  const stopping = new AbortController();
  const watched = new Map<string, Watched>();
  let queue: Promise<void> = Promise.resolve();
  let refreshTimer: NodeJS.Timeout | undefined;
  let refreshing: Promise<void> | undefined;

  const enqueue = (work: () => Promise<void>): Promise<void> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const recordScanError = async (item: Watched, message: string | null) => {
    if (item.error === message) return;
    item.error = message;
    await withTenant(deps.db, item.drop.tenant_id, (tx) =>
      tx.execute(sql`update ingest.file_drops set scan_error = ${message}, scan_error_at = ${message ? deps.clock().toISOString() : null}
                      where source_id = ${item.drop.id}`),
    ).catch(() => undefined);
  };

  const mappingOf = (item: Watched) => () => {
    if (item.mapping?.at !== item.drop.updated_at) {
      item.mapping = { at: item.drop.updated_at, compiled: compileSourceMapping(item.drop.mapping) };
    }
    return item.mapping.compiled;
  };

  async function stage(item: Watched, transport: DropTransport, file: { name: string; size: number; mtimeMs: number }) {
    if (item.drop.location !== "folder") return transport.stage(file);
    const known = item.hashes.get(file.name);
    if (known && known.size === file.size && known.mtimeMs === file.mtimeMs) {
      const folder = localFolder(deps.root, item.drop.tenant_id, item.drop.folder);
      return { path: path.join(folder, file.name), sha256: known.sha256, size: file.size, release: async () => undefined };
    }
    const staged = await transport.stage(file);
    item.hashes.set(file.name, { size: file.size, mtimeMs: file.mtimeMs, sha256: staged.sha256 });
    return staged;
  }

  async function scan(item: Watched): Promise<void> {
    item.queued = false;
    if (stopping.signal.aborted || watched.get(item.drop.id) !== item) return;
    let transport: DropTransport;
    try {
      transport = await openTransport(deps, item.drop);
    } catch (error) {
      deps.logger.warn({ err: error, drop: item.drop.name }, "file drop: cannot open its folder");
      await recordScanError(item, (error as Error).message);
      return;
    }
    try {
      const files = await transport.list();
      await recordScanError(item, null);
      const names = new Set(files.map((file) => file.name));
      item.stable.keepOnly(names);
      for (const name of item.hashes.keys()) if (!names.has(name)) item.hashes.delete(name);
      const ready = files.filter((file) => matchesPattern(file.name, item.drop.pattern)).sort((a, b) => a.mtimeMs - b.mtimeMs);
      let again: number | undefined;
      for (const file of ready) {
        if (stopping.signal.aborted) return;
        const check = item.stable.check(file, deps.clock().getTime());
        if (!check.ready) {
          again = Math.min(again ?? check.waitMs, check.waitMs);
          continue;
        }
        let staged: StagedFile | undefined;
        try {
          staged = await stage(item, transport, file);
          const taken = await takeFile(
            { ...deps, owner, leaseMs: deps.leaseMs ?? LEASE_MS, signal: stopping.signal },
            transport,
            item.drop,
            mappingOf(item),
            file.name,
            staged,
            item.drop.location,
          );
          if (taken !== "busy") item.hashes.delete(file.name);
        } catch (error) {
          deps.logger.error(
            { err: error, drop: item.drop.name, file: file.name },
            "file drop: a file could not be taken; it is tried again",
          );
        } finally {
          await staged?.release();
        }
      }
      if (again !== undefined) schedule(item, again + 50);
    } catch (error) {
      deps.logger.warn({ err: error, drop: item.drop.name }, "file drop: cannot list its folder");
      await recordScanError(item, (error as Error).message);
    } finally {
      await transport.close().catch(() => undefined);
    }
  }

  function schedule(item: Watched, delayMs: number) {
    if (stopping.signal.aborted) return;
    clearTimeout(item.soon);
    item.soon = setTimeout(() => {
      if (item.queued) return;
      item.queued = true;
      void enqueue(() => scan(item));
    }, delayMs);
    item.soon.unref();
  }

  function unwatch(item: Watched) {
    item.watcher?.close();
    clearInterval(item.poll);
    clearTimeout(item.soon);
  }

  function watchDrop(drop: DropRow): Watched {
    const item: Watched = {
      drop,
      stable: createStableFiles(() => item.drop.settle_seconds * 1000),
      hashes: new Map(),
      queued: false,
      error: undefined,
    };
    if (drop.location === "folder") {
      const folder = localFolder(deps.root, drop.tenant_id, drop.folder);
      void mkdir(folder, { recursive: true })
        .then(() => {
          if (watched.get(drop.id) !== item || stopping.signal.aborted) return;
          item.watcher = watch(folder, { persistent: false }, () => schedule(item, 100));
          item.watcher.on("error", () => {
            // The folder went away: the periodic listing carries on, and makes it again.
            item.watcher?.close();
            item.watcher = undefined;
          });
        })
        .catch((error) => deps.logger.warn({ err: error, drop: drop.name }, "file drop: cannot watch its folder"));
    }
    item.poll = setInterval(() => schedule(item, 0), drop.poll_seconds * 1000);
    item.poll.unref();
    schedule(item, 0);
    return item;
  }

  async function refresh(): Promise<void> {
    const drops = await allDropRows(deps.db);
    const active = new Map(drops.filter((drop) => drop.status === "active").map((drop) => [drop.id, drop]));
    for (const [id, item] of watched) {
      const now = active.get(id);
      if (!now || now.updated_at !== item.drop.updated_at) {
        unwatch(item);
        watched.delete(id);
      }
    }
    for (const [id, drop] of active) if (!watched.has(id)) watched.set(id, watchDrop(drop));
  }

  const refreshNow = () => {
    refreshing ??= refresh()
      .catch((error) => deps.logger.error({ err: error }, "file drops: cannot read the drops"))
      .finally(() => {
        refreshing = undefined;
      });
    return refreshing;
  };
  void refreshNow();
  refreshTimer = setInterval(() => void refreshNow(), REFRESH_MS);
  refreshTimer.unref();

  return {
    poke: () => void refreshNow(),
    scanSoon(dropId) {
      const item = watched.get(dropId);
      if (item) schedule(item, 0);
      else void refreshNow();
    },
    async scanAll() {
      await refreshNow();
      await Promise.all(
        [...watched.values()].map((item) => {
          clearTimeout(item.soon);
          item.queued = true;
          return enqueue(() => scan(item));
        }),
      );
    },
    async stop() {
      stopping.abort();
      clearInterval(refreshTimer);
      refreshTimer = undefined;
      for (const item of watched.values()) unwatch(item);
      watched.clear();
      await refreshing;
      await queue;
    },
  };
}
