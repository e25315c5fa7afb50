import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { sql } from "drizzle-orm";
import { Registry } from "prom-client";
import type { WriteContext } from "../../../../platform/actor.ts";
import { withTenant } from "../../../../platform/db/tenant-scope.ts";
import { platformMigrations } from "../../../../platform/index.ts";
import { createLogger } from "../../../../platform/logger.ts";
import { createKeyring } from "../../../../platform/secret-key.ts";
import { createTestDatabase } from "../../../../platform/testing/test-database.ts";
import { governanceMigrations } from "../../../governance/index.ts";
import { createRecords, type Records, recordsMigrations } from "../../../records/index.ts";
import { tenancyMigrations } from "../../../tenancy/index.ts";
import type { FileDrop } from "../../contract/index.ts";
import { localFolder } from "../drop-store.ts";
import { createFileDrops } from "../files.ts";

// The module's own migrations, named as the module names them, without loading the rest of ingest.
const ingestMigrations = { module: "ingest", directory: new URL("../../migrations/", import.meta.url) };

/** An item master as an ERP exports it: `Item No`, `Description`, `UOM`, `List Price`, `Currency`. */
export const ITEM_MAPPING = {
  version: 1,
  records: [
    {
      type: "item",
      fields: {
        external_id: '["Item No"]',
        sku: '["Item No"]',
        name: "Description",
        base_uom: { path: "UOM", case: "upper" },
        list_price: '["List Price"]',
        currency: { path: "Currency", default: "USD" },
      },
    },
  ],
};

export const ITEM_HEADER = "Item No,Description,UOM,List Price,Currency";

/** Rows per chunk here: small, so a few thousand rows make several chunks. */
export const CHUNK = 500;

/**
 * File drops on a fresh database (PGlite, or the server when DATABASE_URL is set), with a drops
 * root of their own in a temporary folder. `records` is what the importer writes through: a test
 * may wrap it to make a write fail.
 */
export async function createFilesFixture() {
  const test = await createTestDatabase([
    platformMigrations,
    governanceMigrations,
    tenancyMigrations,
    recordsMigrations,
    ingestMigrations,
  ]);
  const root = await mkdtemp(path.join(tmpdir(), "crossdock-drops-"));
  const realRecords = createRecords({ db: test.db });
  let records: Records = realRecords;
  const keyring = createKeyring({
    secretKey: randomBytes(32).toString("base64"),
    dataDir: "memory://",
    databaseKind: test.db.kind,
  });
  const make = () =>
    createFileDrops({
      db: test.db,
      // Read through on every call, so a test can swap what writes fail.
      records: new Proxy(realRecords, { get: (_, key) => records[key as keyof Records] }),
      logger: createLogger({ level: "silent" }),
      keyring,
      metricsRegistry: new Registry(),
      clock: () => new Date(),
      root,
      chunkRows: CHUNK,
    });
  const files = make();
  const ctx = (tenantId: string): WriteContext => ({
    tenantId,
    actor: { type: "user", id: "usr_test", label: "tester@example.com" },
  });
  return {
    db: test.db,
    root,
    files,
    /** Another process's view of the same drops and database. */
    another: make,
    records: realRecords,
    ctx,
    /** Makes the importer write through `wrapped` (e.g. one that fails) instead. */
    writeThrough(wrapped: Records) {
      records = wrapped;
    },
    folderOf: (drop: FileDrop, tenantId: string) => localFolder(root, tenantId, (drop.location as { folder: string }).folder),
    /** Rows of a statement, as the tenant. */
    query: <T>(tenantId: string, statement: ReturnType<typeof sql>) =>
      withTenant(test.db, tenantId, async (tx) => (await tx.execute(statement)).rows as T[]),
    async close() {
      await files.stop();
      await test.drop();
      await rm(root, { recursive: true, force: true });
    },
  };
}

export type FilesFixture = Awaited<ReturnType<typeof createFilesFixture>>;
