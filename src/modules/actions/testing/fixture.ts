import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig } from "../../../platform/config.ts";
import { withTenant } from "../../../platform/db/tenant-scope.ts";
import { platformMigrations } from "../../../platform/index.ts";
import { createLogger, type Logger } from "../../../platform/logger.ts";
import { createMailer, type Mailer } from "../../../platform/mail/mailer.ts";
import { createTestDatabase, type TestDatabase } from "../../../platform/testing/test-database.ts";
import { governanceMigrations, listEntries } from "../../governance/index.ts";
import { createTenancy, tenancyMigrations } from "../../tenancy/index.ts";
import { type Actions, actionsMigrations, createActions, type PolicyDataInput } from "../index.ts";

/** Thresholds under which every kind of write goes through on its own: for tests about carrying writes, not deciding them. */
export const PERMISSIVE_DATA: PolicyDataInput = {
  default: { auto_approve_max_minor: 1_000_000_000, min_confidence: 0, approver_tiers: [{ max_minor: null, role: "csr" }] },
};

export const TEST_SECRET_KEY = randomBytes(32).toString("base64");

/**
 * A migrated test database (PGlite, or the server when DATABASE_URL is set) with two tenants, the
 * actions module on it, and a temporary EDI outbox. Actors: a flow (automation) and two people.
 */
export async function createActionsFixture(
  options: { smtpUrl?: string; env?: Record<string, string> /** Silent when not given. */; logger?: Logger } = {},
) {
  const test: TestDatabase = await createTestDatabase([
    platformMigrations,
    governanceMigrations,
    tenancyMigrations,
    actionsMigrations,
  ]);
  const outbox = await mkdtemp(path.join(tmpdir(), "crossdock-outbox-"));
  const config = loadConfig({
    LOG_LEVEL: "silent",
    CROSSDOCK_DATA_DIR: "memory://",
    CROSSDOCK_SECRET_KEY: TEST_SECRET_KEY,
    CROSSDOCK_EDI_OUTBOX_DIR: outbox,
    ...(options.smtpUrl ? { CROSSDOCK_SMTP_URL: options.smtpUrl } : {}),
    ...options.env,
  });
  const mailer: Mailer = createMailer({ smtpUrl: config.smtpUrl, from: "ops@harbor.example" });
  const tenancy = createTenancy({ db: test.db, sessionTtlHours: 1, mailer });
  const operator = { type: "operator" as const, id: "test" };
  const tenant = await tenancy.createTenant({ actor: operator }, { name: "Harbor Industrial Supply", slug: "harbor" });
  const other = await tenancy.createTenant({ actor: operator }, { name: "Bayside Fasteners", slug: "bayside" });
  const logger = options.logger ?? createLogger({ level: "silent" });
  const actions: Actions = createActions({ db: test.db, logger, mailer, config });
  const flow = { tenantId: tenant.id, actor: { type: "system" as const, id: "flow:inbound-po-to-order" }, requestId: "req_test" };
  const person = (id: string, label = id) => ({
    tenantId: tenant.id,
    actor: { type: "user" as const, id, label },
    requestId: "req_test",
  });
  return {
    db: test.db,
    config,
    outbox,
    tenancy,
    tenant,
    other,
    actions,
    mailer,
    /** Automation: a flow acting on its own. */
    flow,
    person,
    /** The audit trail about one resource, newest first. */
    async auditOf(resourceId: string, tenantId = tenant.id) {
      const page = await withTenant(test.db, tenantId, (tx) =>
        listEntries(tx, tenantId, { resource_id: resourceId, limit: 100 }),
      );
      return page.data;
    },
    /** Makes every kind of write autonomous in `tenantId`. */
    async permissive(tenantId = tenant.id) {
      await actions.policies.save({ tenantId, actor: operator }, { data: PERMISSIVE_DATA });
    },
    async close() {
      mailer.close();
      await test.drop();
      await rm(outbox, { recursive: true, force: true });
    },
  };
}

export type ActionsFixture = Awaited<ReturnType<typeof createActionsFixture>>;
