import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { platformMigrations } from "../../../../platform/index.ts";
import { createLogger } from "../../../../platform/logger.ts";
import { createTestDatabase } from "../../../../platform/testing/test-database.ts";
import { governanceMigrations } from "../../../governance/index.ts";
import { createRecords, recordsMigrations } from "../../../records/index.ts";
import { createEdiIntake } from "../edi-intake.ts";

// The module's own migrations, named as the module names them, without loading the rest of ingest.
const ingestMigrations = { module: "ingest", directory: new URL("../../migrations/", import.meta.url) };

const repoRoot = path.resolve(import.meta.dirname, "../../../../..");
/** The shared EDI samples (third-party files, read where they are, never copied into the repository). */
export const SAMPLES = path.resolve(repoRoot, "../shared/datasets/documents");
export const samplesPresent = existsSync(path.join(SAMPLES, "EDI-MANIFEST.json"));
export const sampleFile = (relative: string) => readFileSync(path.join(SAMPLES, relative));

/** EDI intake on a fresh database, with its own inbox and outbox folders; the processor is not started (tests drain). */
export async function createEdiFixture() {
  const test = await createTestDatabase([platformMigrations, governanceMigrations, recordsMigrations, ingestMigrations]);
  const folders = await mkdtemp(path.join(tmpdir(), "crossdock-edi-"));
  const records = createRecords({ db: test.db });
  const edi = createEdiIntake({
    db: test.db,
    records,
    logger: createLogger({ level: "silent" }),
    clock: () => new Date(),
    inboxDir: path.join(folders, "inbox"),
    outboxDir: path.join(folders, "outbox"),
    inbox: { scanMs: 60_000, settleMs: 0 },
  });
  return {
    db: test.db,
    records,
    edi,
    inboxDir: path.join(folders, "inbox"),
    outboxDir: path.join(folders, "outbox"),
    ctx: (tenantId: string) => ({ tenantId, actor: { type: "user" as const, id: "usr_ops", label: "ops@harbor.example" } }),
    async close() {
      await edi.stop();
      await test.drop();
      await rm(folders, { recursive: true, force: true });
    },
  };
}

export type EdiFixture = Awaited<ReturnType<typeof createEdiFixture>>;
