import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { Database } from "../../../../platform/db/database.ts";
import type { Logger } from "../../../../platform/logger.ts";
import type { TradingPartner } from "../../contract/index.ts";
import { markDelivery, pendingDocuments } from "./document-store.ts";

/** A folder below `root`/`tenantId`; never outside it, whatever the relative path says. */
export function tenantFolder(root: string, tenantId: string, relative: string): string {
  const base = path.resolve(root, tenantId);
  const folder = path.resolve(base, relative);
  if (folder !== base && !folder.startsWith(`${base}${path.sep}`)) throw new Error(`${relative} is outside the tenant's folder`);
  return folder;
}

/** Writes the file whole or not at all: a hidden temporary file in the same folder, flushed, then renamed into place. */
export async function writeAtomically(file: string, content: string | Buffer): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  const handle = await open(temporary, "wx", 0o640);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export type DeliverDeps = { db: Database; logger: Logger; clock: () => Date; outboxDir: string | undefined };

/**
 * Writes a partner's documents waiting for its outbox folder (new ones, and ones whose write
 * failed before). The file has the same name for the same document, so writing it again replaces
 * it with itself. Returns how many were written.
 */
export async function deliverPending(deps: DeliverDeps, tenantId: string, partner: TradingPartner): Promise<number> {
  if (partner.outbound.type !== "folder") return 0;
  const waiting = await pendingDocuments(deps.db, tenantId, partner.id);
  let written = 0;
  for (const document of waiting) {
    if (!deps.outboxDir) {
      await markDelivery(deps.db, tenantId, document.id, {
        delivered: false,
        to: null,
        error: "this server has no EDI outbox folder configured (CROSSDOCK_EDI_OUTBOX_DIR)",
      });
      continue;
    }
    let file: string | null = null;
    try {
      file = path.join(tenantFolder(deps.outboxDir, tenantId, partner.outbound.path), document.file_name);
      await writeAtomically(file, document.body);
      await markDelivery(deps.db, tenantId, document.id, { delivered: true, to: file, at: deps.clock() });
      written += 1;
    } catch (error) {
      deps.logger.warn({ err: error, document: document.id }, "edi: a document could not be written to its partner's outbox");
      await markDelivery(deps.db, tenantId, document.id, { delivered: false, to: file, error: (error as Error).message });
    }
  }
  return written;
}
