import type { Command } from "commander";
import { z } from "zod";
import { formatSummary } from "../import/format-summary.ts";
import { describeProblem, ImportSetupError } from "../import/mapping.ts";
import { DEFAULT_BATCH_SIZE, ImportAbortedError, MAX_BATCH_SIZE, runImport } from "../import/run-import.ts";
import { print } from "../output.ts";
import { type GlobalOptions, withClient } from "../run-command.ts";

const ImportFlags = z.object({
  tenant: z.string().min(1),
  type: z.string().min(1),
  file: z.string().min(1),
  mapping: z.string().min(1).optional(),
  sourceSystem: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, "--source-system must be letters, digits and _ . : - (e.g. erp, sap-ecc)")
    .max(64)
    .optional(),
  batchSize: z.coerce
    .number()
    .int("--batch-size must be a whole number")
    .min(1, "--batch-size must be at least 1")
    .max(MAX_BATCH_SIZE, `--batch-size must be at most ${MAX_BATCH_SIZE}`)
    .default(DEFAULT_BATCH_SIZE),
  rejects: z.string().min(1).optional(),
  json: z.boolean().default(false),
});

function fail(lines: string[]): void {
  process.stderr.write(`${lines.join("\n")}\n`);
  process.exitCode = 1;
}

export function importCommand(program: Command, globals: () => GlobalOptions) {
  program
    .command("import")
    .description("Load a CSV, JSONL or JSON export (e.g. from an ERP) into one record type, with an optional column mapping")
    .requiredOption("--tenant <slug>", "tenant slug or id")
    .requiredOption("--type <type>", "record type, e.g. items, customers, sales-orders")
    .requiredOption("--file <path>", "the file to load: .csv, .jsonl (one record per line) or .json (an array)")
    .option(
      "--mapping <mapping.json>",
      "how columns become fields (see src/cli/import/README.md); without one, columns named like fields map straight through",
    )
    .option("--source-system <name>", "source system of records that do not name their own, e.g. erp")
    .option("--batch-size <n>", `records per request, 1 to ${MAX_BATCH_SIZE}`, String(DEFAULT_BATCH_SIZE))
    .option("--rejects <rejects.csv>", "write every rejected row, with its line and reason, to this CSV")
    .option("--json", "print the summary as JSON (and no progress bar)")
    .addHelpText(
      "after",
      "\nExit status: 0 when every row was written (or already up to date), 2 when some rows were rejected, 1 when the import could not run or stopped.\nRe-running after a crash is safe: batches the server already wrote are answered from its record of them, not written or counted twice.",
    )
    .action((raw) =>
      withClient(globals(), async (client) => {
        const parsed = ImportFlags.safeParse(raw);
        if (!parsed.success) return fail(parsed.error.issues.map((issue) => `error: ${issue.message}`));
        const flags = parsed.data;
        try {
          const summary = await runImport(client, flags, {
            notice: (text) => process.stderr.write(`${text}\n`),
            progress: !flags.json,
          });
          if (flags.json) print(summary, true);
          else process.stdout.write(formatSummary(summary));
          if (summary.rejected > 0) process.exitCode = 2;
        } catch (error) {
          if (error instanceof ImportSetupError) {
            return fail([
              `error: cannot import ${flags.file}: nothing was sent`,
              ...error.problems.map((problem) => `  ${error.source}: ${describeProblem(problem)}`),
            ]);
          }
          if (error instanceof ImportAbortedError) {
            if (flags.json) print({ ...error.summary, stopped: true, error: error.message }, true);
            else process.stderr.write(formatSummary(error.summary, { stopped: true }));
            const answered = error.summary.inserted + error.summary.updated + error.summary.unchanged + error.summary.rejected;
            if (answered > 0) {
              process.stderr.write(
                "Run the same command again to continue: batches already written are not written or counted twice.\n",
              );
            }
            throw error.cause;
          }
          throw error;
        }
      }),
    );
}
