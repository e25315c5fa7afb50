import { Command } from "commander";
import { apiKeysCommand } from "./commands/api-keys.ts";
import { auditCommand } from "./commands/audit.ts";
import { demoCommand } from "./commands/demo.ts";
import { ediCommand } from "./commands/edi.ts";
import { fileDropsCommand } from "./commands/file-drops.ts";
import { importCommand } from "./commands/import.ts";
import { migrateCommand } from "./commands/migrate.ts";
import { startCommand } from "./commands/start.ts";
import { partnersCommand, tenantsCommand } from "./commands/tenants.ts";
import { usersCommand } from "./commands/users.ts";
import type { GlobalOptions } from "./run-command.ts";

const program = new Command("crossdock")
  .description("Crossdock: the AI operations layer for wholesale distributors")
  .option("--data-dir <dir>", "where the embedded database lives (CROSSDOCK_DATA_DIR; default ./crossdock-data)")
  .option("--database-url <url>", "use a PostgreSQL server instead (DATABASE_URL)")
  .showHelpAfterError()
  .enablePositionalOptions();

const globals = (): GlobalOptions => program.opts<GlobalOptions>();

startCommand(program, globals);
migrateCommand(program, globals);
partnersCommand(program, globals);
tenantsCommand(program, globals);
usersCommand(program, globals);
apiKeysCommand(program, globals);
auditCommand(program, globals);
importCommand(program, globals);
fileDropsCommand(program, globals);
ediCommand(program, globals);
demoCommand(program, globals);

await program.parseAsync(process.argv);
