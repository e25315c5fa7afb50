import { copyFile, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { migrate } from "../../../platform/db/migrations.ts";
import { platformMigrations } from "../../../platform/index.ts";
import { createTestDatabase, type TestDatabase } from "../../../platform/testing/test-database.ts";
import { governanceMigrations } from "../../governance/index.ts";
import { workflowsMigrations } from "../index.ts";

/**
 * A test database with the workflows schema as it was before migration `next` (its number, e.g.
 * 6), for a test that writes what the engine wrote then; `upgrade()` runs the rest.
 */
export async function databaseBefore(
  next: number,
): Promise<{ test: TestDatabase; upgrade(): Promise<void>; drop(): Promise<void> }> {
  const before = await mkdtemp(path.join(os.tmpdir(), `crossdock-workflows-before-${next}-`));
  const folder = fileURLToPath(workflowsMigrations.directory);
  for (const name of await readdir(folder)) {
    if (/^\d{4}-.*\.sql$/.test(name) && Number(name.slice(0, 4)) < next)
      await copyFile(path.join(folder, name), path.join(before, name));
  }
  const test = await createTestDatabase([
    platformMigrations,
    governanceMigrations,
    { module: "workflows", directory: pathToFileURL(`${before}/`) },
  ]);
  return {
    test,
    async upgrade() {
      await migrate(test.db, [platformMigrations, governanceMigrations, workflowsMigrations]);
    },
    async drop() {
      await test.drop();
      await rm(before, { recursive: true, force: true });
    },
  };
}
