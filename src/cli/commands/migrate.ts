import path from "node:path";
import type { Command } from "commander";
import { reportError } from "../output.ts";
import { configFrom, type GlobalOptions } from "../run-command.ts";

export function migrateCommand(program: Command, globals: () => GlobalOptions) {
  program
    .command("migrate")
    .description("Apply pending database migrations (start does this too); safe to run from several processes at once")
    .action(async () => {
      try {
        const config = configFrom(globals());
        const [{ MIGRATIONS }, { lockDataDir }, { migrate }, { openPglite }, { openPostgres }] = await Promise.all([
          import("../../main.ts"),
          import("../../platform/db/data-dir-lock.ts"),
          import("../../platform/db/migrations.ts"),
          import("../../platform/db/pglite.ts"),
          import("../../platform/db/postgres.ts"),
        ]);
        const lock = config.databaseUrl ? undefined : await lockDataDir(config.dataDir);
        const db = config.databaseUrl
          ? await openPostgres(config.databaseUrl, 2, () => undefined)
          : await openPglite(path.join(config.dataDir, "pg"));
        try {
          const report = await migrate(db, MIGRATIONS);
          process.stdout.write(`${db.description}: ${report.applied.length} applied, ${report.alreadyApplied} already applied\n`);
          for (const name of report.applied) process.stdout.write(`  applied ${name}\n`);
        } finally {
          await db.close();
          await lock?.release();
        }
      } catch (error) {
        reportError(error);
      }
    });
}
