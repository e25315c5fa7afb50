import type { Command } from "commander";
import { print } from "../output.ts";
import { type GlobalOptions, withClient } from "../run-command.ts";

type Report = {
  ok: boolean;
  entries: number;
  head_hash?: string;
  first_break?: { seq: number; id: string | null; reason: string };
};

export function auditCommand(program: Command, globals: () => GlobalOptions) {
  const audit = program.command("audit").description("Read and verify the audit trail");
  audit
    .command("verify")
    .description("Recompute a tenant's hash-chained audit trail; exits 1 and names the first broken link if a row was altered")
    .requiredOption("--tenant <slug>", "tenant slug or id")
    .option("--json", "print JSON")
    .action((options) =>
      withClient(globals(), async (client) => {
        const report = await client.request<Report>("POST", "/api/v1/audit/verify", { tenant: options.tenant });
        if (options.json) print(report, true);
        else if (report.ok)
          process.stdout.write(`ok: ${report.entries} entries, chain intact (head ${report.head_hash?.slice(0, 16)}…)\n`);
        else {
          const at = report.first_break;
          process.stdout.write(
            `BROKEN: entry ${at?.seq}${at?.id ? ` (${at.id})` : ""}: ${at?.reason}; ${report.entries} entries before it verify\n`,
          );
        }
        if (!report.ok) process.exitCode = 1;
      }),
    );
}
