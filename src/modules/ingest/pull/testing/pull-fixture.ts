import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { Registry } from "prom-client";
import { rows, withTenant } from "../../../../platform/db/tenant-scope.ts";
import { platformMigrations } from "../../../../platform/index.ts";
import { createLogger } from "../../../../platform/logger.ts";
import { createKeyring } from "../../../../platform/secret-key.ts";
import { createTestDatabase } from "../../../../platform/testing/test-database.ts";
import { governanceMigrations, listEntries } from "../../../governance/index.ts";
import { createRecords, recordsMigrations } from "../../../records/index.ts";
import { createIngest } from "../../ingest.ts";
import type { PullConnector, PullRun } from "../contract/index.ts";
import { createPull, type PullDeps } from "../pull.ts";

// The module's own migrations, named as the module names them.
const ingestMigrations = { module: "ingest", directory: new URL("../../migrations/", import.meta.url) };

export const TENANT = "ten_pulltest0000000000000000";
export const ctx = { tenantId: TENANT, actor: { type: "user" as const, id: "usr_it", label: "it@harbor.example" } };

/**
 * Pull connectors on a fresh database (PGlite, or the server when DATABASE_URL is set), with the
 * records module, the ingest module (its processor replays quarantined rows) and a clock the test
 * can move forward. `pull()` makes another pull instance on the same database: another process.
 */
export async function createPullFixture() {
  const test = await createTestDatabase([platformMigrations, governanceMigrations, recordsMigrations, ingestMigrations]);
  const logger = createLogger({ level: "silent" });
  const keyring = createKeyring({
    secretKey: randomBytes(32).toString("base64"),
    dataDir: "memory://",
    databaseKind: test.db.kind,
  });
  const records = createRecords({ db: test.db });
  let offsetMs = 0;
  const clock = () => new Date(Date.now() + offsetMs);
  const ingest = createIngest({ db: test.db, records, logger, keyring, metricsRegistry: new Registry(), clock });
  const instances: ReturnType<typeof createPull>[] = [];
  const pull = (options: Partial<PullDeps> = {}) => {
    const created = createPull({
      db: test.db,
      records,
      logger,
      keyring,
      metricsRegistry: new Registry(),
      clock,
      tickMs: 60_000,
      ...options,
    });
    instances.push(created);
    return created;
  };
  const main = pull({ metricsRegistry: new Registry() });

  return {
    db: test.db,
    records,
    ingest,
    keyring,
    pull: main,
    /** Another process's pull connectors, on the same database. */
    another: pull,
    clock,
    /** Moves the clock forward, as if that much time had passed. */
    advance(ms: number) {
      offsetMs += ms;
    },
    async runs(connector: PullConnector | string, resource?: string): Promise<PullRun[]> {
      const id = typeof connector === "string" ? connector : connector.id;
      return (await main.runs.list(TENANT, id, { limit: 200, ...(resource ? { resource } : {}) })).data.reverse();
    },
    async lastRun(connector: PullConnector | string, resource?: string): Promise<PullRun> {
      const all = await this.runs(connector, resource);
      const last = all.at(-1);
      if (!last) throw new Error("no run yet");
      return last;
    },
    async stream(connectorId: string, resource: string) {
      const [found] = await withTenant(test.db, TENANT, (tx) =>
        rows<{ cursor: unknown; run_id: string | null; lease_token: string | null }>(
          tx,
          sql`select cursor, run_id, lease_token from ingest.pull_streams where connector_id = ${connectorId} and resource = ${resource}`,
        ),
      );
      return found;
    },
    async items(sourceSystem: string) {
      const page = await records.list(TENANT, "item", { source_system: sourceSystem, limit: 1000 });
      return page.data as unknown as {
        id: string;
        external_id: string;
        name: string;
        list_price: string | null;
        version: number;
      }[];
    },
    async quarantined(sourceId: string) {
      return (await ingest.receipts.list(TENANT, { source: sourceId, status: "quarantined", limit: 200 })).data;
    },
    audit: (resourceId: string) =>
      withTenant(test.db, TENANT, (tx) => listEntries(tx, TENANT, { resource_id: resourceId, limit: 100 })).then(
        (page) => page.data,
      ),
    async close() {
      await Promise.all(instances.map((instance) => instance.stop()));
      await ingest.stop();
      await test.drop();
    },
  };
}

export type PullFixture = Awaited<ReturnType<typeof createPullFixture>>;

/** A mapping of item rows: `{ id, sku, name, uom?, price? }` (or the same in other columns via `fields`). */
export function itemMapping(fields: Partial<Record<"external_id" | "sku" | "name" | "base_uom" | "list_price", string>> = {}) {
  return {
    version: 1,
    records: [
      {
        type: "item",
        fields: {
          external_id: fields.external_id ?? "id",
          sku: fields.sku ?? "sku",
          name: fields.name ?? "name",
          base_uom: { path: fields.base_uom ?? "uom", default: "EA" },
          list_price: fields.list_price ?? "price",
          currency: { const: "USD" },
        },
      },
    ],
  };
}
