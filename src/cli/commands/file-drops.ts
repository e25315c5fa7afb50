import type { Command } from "commander";
import type { FileDrop, FileImport } from "../../modules/ingest/index.ts";
import { print } from "../output.ts";
import { type GlobalOptions, withClient } from "../run-command.ts";

function describeImport(each: FileImport): string {
  const counts = `${each.rows} rows: ${each.inserted} inserted, ${each.updated} updated, ${each.unchanged} unchanged, ${each.rejected} rejected`;
  const error = each.report?.error ? `\n    ${each.report.error.message}` : "";
  const problems = (each.report?.problems ?? [])
    .slice(0, 5)
    .map(
      (problem) => `\n    line ${problem.line} (${problem.stage}) ${problem.path ? `${problem.path}: ` : ""}${problem.message}`,
    )
    .join("");
  return `${each.id}  ${each.status.padEnd(9)} ${each.file_name}  ${counts}${each.moved_to ? `  → ${each.moved_to}` : ""}${error}${problems}\n`;
}

/** `crossdock file-drops`: the tenant's drops, the imports of their files with their reports, and re-runs of failed ones. */
export function fileDropsCommand(program: Command, globals: () => GlobalOptions) {
  const drops = program.command("file-drops").description("Folders and SFTP directories watched for CSV, XLSX and JSONL exports");
  drops
    .command("list")
    .description("The tenant's file drops: where each watches, and how it is doing")
    .requiredOption("--tenant <slug>", "tenant slug or id")
    .option("--json", "print JSON")
    .action((options) =>
      withClient(globals(), async (client) => {
        const { data } = await client.request<{ data: FileDrop[] }>("GET", "/api/v1/ingest/file-drops", {
          tenant: options.tenant,
        });
        if (options.json) return print(data, true);
        for (const drop of data) {
          const where =
            drop.location.type === "folder"
              ? drop.location.path
              : `sftp://${drop.location.host}:${drop.location.port}/${drop.location.folder}`;
          const health = drop.health;
          process.stdout.write(
            `${drop.name.padEnd(24)} ${drop.status.padEnd(7)} ${drop.format.type.padEnd(5)} ${where}\n` +
              `${"".padEnd(24)} last file ${health.last_file_at ?? "never"}, ${health.files_last_day} files and ${health.rows_last_day} rows today, ` +
              `${health.backlog} waiting, ${health.quarantined} rows in quarantine${health.scan_error ? `\n${"".padEnd(24)} cannot list: ${health.scan_error}` : ""}\n`,
          );
        }
      }),
    );
  drops
    .command("imports")
    .description("Files taken from drops, newest first, with their counts and first problems")
    .requiredOption("--tenant <slug>", "tenant slug or id")
    .option("--drop <name>", "one drop's")
    .option("--status <status>", "pending, running, processed or failed")
    .option("--limit <n>", "how many", "20")
    .option("--json", "print JSON")
    .action((options) =>
      withClient(globals(), async (client) => {
        const query = new URLSearchParams({ limit: options.limit });
        if (options.drop) query.set("drop", options.drop);
        if (options.status) query.set("status", options.status);
        const { data } = await client.request<{ data: FileImport[] }>("GET", `/api/v1/ingest/file-imports?${query}`, {
          tenant: options.tenant,
        });
        if (options.json) return print(data, true);
        for (const each of data) process.stdout.write(describeImport(each));
      }),
    );
  drops
    .command("rerun")
    .description("Run a failed import again from its first line, after fixing the drop's mapping or format")
    .argument("<import-id>", "the file import (fimp_…)")
    .requiredOption("--tenant <slug>", "tenant slug or id")
    .action((importId, options) =>
      withClient(globals(), async (client) => {
        const rerun = await client.request<FileImport>("POST", `/api/v1/ingest/file-imports/${importId}/rerun`, {
          tenant: options.tenant,
        });
        process.stdout.write(
          `${rerun.id} is ${rerun.status}: ${rerun.file_name} is back in the drop's folder, to be imported again\n`,
        );
      }),
    );
}
