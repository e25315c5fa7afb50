import { createHash } from "node:crypto";
import { type FSWatcher, watch } from "node:fs";
import { mkdir, readdir, readFile, rename, stat } from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Database } from "../../../../platform/db/database.ts";
import { rows, withSystem, withTenant } from "../../../../platform/db/tenant-scope.ts";
import { AppError } from "../../../../platform/errors.ts";
import type { Logger } from "../../../../platform/logger.ts";
import type { TradingPartner } from "../../contract/index.ts";
import { tenantFolder, writeAtomically } from "../outbound/deliver.ts";
import { partnerOfSource } from "../partners/partner-store.ts";
import type { Received } from "../receive/receive-interchange.ts";

export type InboxDeps = {
  db: Database;
  logger: Logger;
  clock: () => Date;
  /** The root of every tenant's watched folders: `<inboxDir>/<tenant id>/<partner's inbox>`. */
  inboxDir: string;
  receive: (tenantId: string, partner: TradingPartner, body: Buffer, fileName: string) => Promise<Received>;
  /** Processes what is stored (the file's interchange with it). */
  drain: () => Promise<void>;
};

export type InboxOptions = {
  /** How often folders are listed besides the file system's change events (which some file systems do not send). */
  scanMs?: number;
  /** A file is taken once its size and modification time have held this long (a sender still writing it is left alone). */
  settleMs?: number;
};

export type InboxWatcher = {
  /** One pass over every partner's folder now; resolves when the files it took are moved. */
  scan(): Promise<void>;
  stop(): Promise<void>;
};

/** Names a sender uses while it is still writing a file, and files hidden from the watcher. */
const PARTIAL = /^\.|\.(tmp|part|partial|filepart|crdownload|uploading|writing)$|~$/i;
/** A claim older than this with no outcome is a process that stopped: another takes the file over. */
const STALE_CLAIM_MS = 10 * 60 * 1000;

type Watched = { tenantId: string; partner: TradingPartner; folder: string };
type Seen = { size: number; mtimeMs: number; since: number };

/**
 * Watches each partner's inbox folder (`fs.watch` plus a listing every `scanMs`, as network file
 * systems send no events) and takes each file once: when it has stopped changing (size and time
 * steady for `settleMs`; hidden and `.tmp`/`.part` names are left alone), it is claimed by its
 * SHA-256 (per partner, in the database, so processes sharing the folder take it once and the same
 * content dropped again is not taken again), stored as a receipt, processed, and moved to
 * `processed/`, or to `failed/` with a `.report.txt` saying why (refused, or quarantined).
 * A process that stopped before the move finishes it on its next pass.
 */
export function startInboxWatcher(deps: InboxDeps, options: InboxOptions = {}): InboxWatcher {
  const scanMs = options.scanMs ?? 5_000;
  const settleMs = options.settleMs ?? 2_000;
  const watchers = new Map<string, FSWatcher>();
  const seen = new Map<string, Seen>();
  /** Files this process claimed and did not finish (a fault in between): taken up again at once, not after STALE_CLAIM_MS. */
  const unfinished = new Set<string>();
  let stopped = false;
  let running: Promise<void> | undefined;
  let again = false;
  let soon: NodeJS.Timeout | undefined;

  const watchFolder = (folder: string) => {
    if (watchers.has(folder)) return;
    try {
      const watcher = watch(folder, { persistent: false }, () => schedule());
      watcher.on("error", () => {
        watcher.close();
        watchers.delete(folder);
      });
      watchers.set(folder, watcher);
    } catch (error) {
      deps.logger.warn({ err: error, folder }, "edi: a partner's inbox cannot be watched; it is listed every scan");
    }
  };

  const schedule = () => {
    if (stopped) return;
    clearTimeout(soon);
    soon = setTimeout(() => void scan(), 100);
  };

  async function pass(): Promise<void> {
    const watched = await watchedFolders(deps);
    const live = new Set(watched.map((entry) => entry.folder));
    for (const [folder, watcher] of watchers) {
      if (!live.has(folder)) {
        watcher.close();
        watchers.delete(folder);
      }
    }
    for (const entry of watched) {
      if (stopped) return;
      try {
        await mkdir(entry.folder, { recursive: true });
        watchFolder(entry.folder);
        await takeReadyFiles(entry);
      } catch (error) {
        deps.logger.error({ err: error, folder: entry.folder }, "edi: a partner's inbox could not be read");
      }
    }
  }

  async function takeReadyFiles(entry: Watched): Promise<void> {
    // Real time, not the deps' clock: settling is about the sender's writes.
    const now = Date.now();
    const names = (await readdir(entry.folder, { withFileTypes: true }))
      .filter((dirent) => dirent.isFile() && !PARTIAL.test(dirent.name))
      .map((dirent) => dirent.name)
      .sort();
    for (const name of names) {
      const file = path.join(entry.folder, name);
      const info = await stat(file).catch(() => undefined);
      if (!info) continue;
      const before = seen.get(file);
      if (!before || before.size !== info.size || before.mtimeMs !== info.mtimeMs) {
        seen.set(file, { size: info.size, mtimeMs: info.mtimeMs, since: now });
        if (settleMs > 0) {
          setTimeout(schedule, settleMs + 50).unref?.();
          continue;
        }
      } else if (now - before.since < settleMs) {
        continue;
      }
      seen.delete(file);
      await takeFile(entry, name);
    }
  }

  async function takeFile(entry: Watched, name: string): Promise<void> {
    const file = path.join(entry.folder, name);
    const body = await readFile(file);
    const sha = createHash("sha256").update(body).digest("hex");
    const key = `${entry.partner.id}/${sha}`;
    const claim = await claimFile(deps, entry, name, sha, unfinished.has(key));
    if (claim.kind === "busy") return;
    if (claim.kind === "done") {
      await move(file, entry.folder, "processed", `${name}.duplicate`);
      return;
    }
    unfinished.add(key);
    let receiptId = claim.receiptId;
    let report: string | null = null;
    if (!receiptId) {
      try {
        receiptId = (await deps.receive(entry.tenantId, entry.partner, body, name)).receiptId;
        await withTenant(deps.db, entry.tenantId, (tx) =>
          tx.execute(sql`update ingest.edi_inbox_files set receipt_id = ${receiptId}
                          where partner_id = ${entry.partner.id} and sha256 = ${sha}`),
        );
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        report = `${name}: not taken: ${error.message}\n${error.details.map((detail) => `  ${detail.path}: ${detail.message}\n`).join("")}`;
      }
    }
    if (receiptId) {
      await deps.drain();
      report = await reportOf(deps, entry.tenantId, receiptId, name);
    }
    const outcome = report === null ? "processed" : "failed";
    const moved = await move(file, entry.folder, outcome, name);
    if (report !== null) await writeAtomically(`${moved}.report.txt`, report);
    await withTenant(deps.db, entry.tenantId, (tx) =>
      tx.execute(sql`update ingest.edi_inbox_files set outcome = ${outcome}, report = ${report},
                            finished_at = ${deps.clock().toISOString()}
                      where partner_id = ${entry.partner.id} and sha256 = ${sha}`),
    );
    unfinished.delete(key);
  }

  async function scan(): Promise<void> {
    if (stopped) return;
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await pass();
        } catch (error) {
          deps.logger.error({ err: error }, "edi: an inbox scan failed; it is tried again at the next one");
        }
      } while (again && !stopped);
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  const interval = setInterval(() => void scan(), scanMs);
  interval.unref?.();
  void scan();
  return {
    scan: async () => {
      await scan();
      if (running) await running;
    },
    async stop() {
      stopped = true;
      clearInterval(interval);
      clearTimeout(soon);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
      await running;
    },
  };
}

/** Every active partner with an inbox, across tenants, and its folder. */
async function watchedFolders(deps: InboxDeps): Promise<Watched[]> {
  const found = await withSystem(deps.db, (tx) =>
    rows<{ tenant_id: string; source_id: string }>(
      tx,
      sql`select p.tenant_id, p.source_id from ingest.edi_partners p join ingest.sources s on s.id = p.source_id
           where s.status = 'active' and coalesce(p.config->>'inbox', '') <> '' order by p.id`,
    ),
  );
  const watched: Watched[] = [];
  for (const row of found) {
    const partner = await partnerOfSource(deps.db, row.tenant_id, row.source_id);
    if (!partner?.inbox) continue;
    watched.push({ tenantId: row.tenant_id, partner, folder: tenantFolder(deps.inboxDir, row.tenant_id, partner.inbox) });
  }
  return watched;
}

type Claim = { kind: "new" | "resume"; receiptId: string | null } | { kind: "busy" } | { kind: "done" };

/**
 * Claims a file's content for this process, once per partner: new; left unfinished by a process
 * that stopped (or by this one, `ours`); being taken by another; or taken before.
 */
async function claimFile(deps: InboxDeps, entry: Watched, name: string, sha: string, ours: boolean): Promise<Claim> {
  const now = deps.clock();
  return withTenant(deps.db, entry.tenantId, async (tx) => {
    const [inserted] = await rows<{ sha256: string }>(
      tx,
      sql`insert into ingest.edi_inbox_files (tenant_id, partner_id, sha256, file_name, seen_at)
          values (${entry.tenantId}, ${entry.partner.id}, ${sha}, ${name}, ${now.toISOString()})
          on conflict (partner_id, sha256) do nothing returning sha256`,
    );
    if (inserted) return { kind: "new", receiptId: null };
    const [existing] = await rows<{ outcome: string | null; receipt_id: string | null; seen_at: string }>(
      tx,
      sql`select outcome, receipt_id, seen_at from ingest.edi_inbox_files
           where partner_id = ${entry.partner.id} and sha256 = ${sha} for update`,
    );
    if (!existing) return { kind: "busy" };
    if (existing.outcome !== null) return { kind: "done" };
    if (!ours && now.getTime() - new Date(existing.seen_at).getTime() < STALE_CLAIM_MS) return { kind: "busy" };
    await tx.execute(sql`update ingest.edi_inbox_files set seen_at = ${now.toISOString()}
                          where partner_id = ${entry.partner.id} and sha256 = ${sha}`);
    return { kind: "resume", receiptId: existing.receipt_id };
  });
}

/** null when the receipt was processed; otherwise why not, for the `.report.txt` beside the file in failed/. */
async function reportOf(deps: InboxDeps, tenantId: string, receiptId: string, name: string): Promise<string | null> {
  const [receipt] = await withTenant(deps.db, tenantId, (tx) =>
    rows<{ status: string; reason: { stage: string; message: string; problems: { path: string; message: string }[] } | null }>(
      tx,
      sql`select status, reason from ingest.receipts where id = ${receiptId}`,
    ),
  );
  if (receipt?.status === "processed") return null;
  const lines = [
    `${name}: stored as receipt ${receiptId}, ${receipt?.status ?? "not found"}`,
    receipt?.reason ? `${receipt.reason.stage}: ${receipt.reason.message}` : "it waits to be processed",
    ...(receipt?.reason?.problems ?? []).map((problem) => `  ${problem.path}: ${problem.message}`),
    `Fix the partner's settings or the data, then replay: POST /api/v1/ingest/receipts/${receiptId}/replay`,
  ];
  return `${lines.join("\n")}\n`;
}

/** Moves a file into `processed/` or `failed/` beside it, under a name not taken there. Returns where it went. */
async function move(file: string, folder: string, into: string, name: string): Promise<string> {
  const target = path.join(folder, into);
  await mkdir(target, { recursive: true });
  let destination = path.join(target, name);
  for (
    let n = 1;
    await stat(destination).then(
      () => true,
      () => false,
    );
    n++
  ) {
    destination = path.join(target, `${name}.${n}`);
  }
  await rename(file, destination);
  return destination;
}
