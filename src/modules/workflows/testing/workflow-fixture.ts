import { DBOS } from "@dbos-inc/dbos-sdk";
import { Registry } from "prom-client";
import { loadConfig } from "../../../platform/config.ts";
import type { Database } from "../../../platform/db/database.ts";
import { platformMigrations } from "../../../platform/index.ts";
import { createLogger } from "../../../platform/logger.ts";
import { createMailer, type Mailer } from "../../../platform/mail/mailer.ts";
import { createTestDatabase } from "../../../platform/testing/test-database.ts";
import { createWorkflowEngine } from "../../../platform/workflows/engine.ts";
import { governanceMigrations } from "../../governance/index.ts";
import type { AnyFlow } from "../engine/flow-definition.ts";
import { workflowsMigrations } from "../index.ts";
import type { Directory } from "../tasks/eligibility.ts";
import { createWorkflows, type TaskActor, type Workflows } from "../workflows.ts";

export type Person = { id: string; email: string; name: string; roles: string[]; status: string };

/**
 * The workflows module on a fresh database with the durable engine launched, a clock the test
 * moves, and a fixed directory of people (the tenancy module's port). Flows are registered before
 * launch, as in the product.
 */
export async function createWorkflowFixture(options: {
  flows: AnyFlow[];
  flowDeps?: (fixture: { db: Database }) => unknown;
  people: Person[];
  mailer?: Mailer;
  consoleUrl?: string;
}) {
  const test = await createTestDatabase([platformMigrations, governanceMigrations, workflowsMigrations]);
  const logger = createLogger({ level: "silent" });
  let now = new Date("2026-12-01T09:00:00.000Z");
  const directory: Directory = { users: async () => options.people };
  const workflows: Workflows = createWorkflows({
    db: test.db,
    logger,
    mailer: options.mailer ?? createMailer({ from: "crossdock@localhost" }),
    directory,
    metricsRegistry: new Registry(),
    brand: async () => ({ productName: "Crossdock", fromName: "Crossdock" }),
    consoleUrl: () => options.consoleUrl ?? null,
    clock: () => now,
    sweepIntervalMs: 60_000,
  });
  workflows.register(options.flows, options.flowDeps?.({ db: test.db }) ?? {});
  const config = loadConfig({
    LOG_LEVEL: "silent",
    CROSSDOCK_DATA_DIR: "memory://",
    CROSSDOCK_APP_VERSION: "workflows-test",
    ...(test.url ? { DATABASE_URL: test.url } : {}),
  });
  const engine = createWorkflowEngine({ db: test.db, config, logger });
  await engine.launch();
  await workflows.start();

  const person = (id: string) => {
    const found = options.people.find((candidate) => candidate.id === id);
    if (!found) throw new Error(`no person ${id}`);
    return found;
  };
  return {
    db: test.db,
    workflows,
    tenantId: "ten_test",
    now: () => now,
    /** Moves the clock forward. */
    advance(seconds: number) {
      now = new Date(now.getTime() + seconds * 1000);
    },
    /** How a person acts on tasks. */
    as(id: string, taskAdmin = false): TaskActor {
      const who = person(id);
      return { tenantId: "ten_test", decider: { userId: who.id, label: who.email, roles: who.roles }, taskAdmin };
    },
    /** How a person writes, as a session would: labelled by their email. */
    ctx(id = "usr_ops") {
      const label = options.people.find((candidate) => candidate.id === id)?.email ?? id;
      return { tenantId: "ten_test", actor: { type: "user" as const, id, label } };
    },
    /** Waits until the run reaches one of `statuses`, sweeping meanwhile (as the product's sweeper would). */
    async until(runId: string, statuses: string[], timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const { run } = await workflows.runs.get("ten_test", runId);
        if (statuses.includes(run.status)) return run;
        if (Date.now() > deadline)
          throw new Error(`run ${runId} is ${run.status} (stage ${run.stage}), not ${statuses.join("/")}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async close() {
      await workflows.stop();
      await engine.shutdown();
      await DBOS.shutdown().catch(() => undefined);
      await test.drop();
    },
  };
}

export type WorkflowFixture = Awaited<ReturnType<typeof createWorkflowFixture>>;
