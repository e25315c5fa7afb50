import type { Command } from "commander";
import { print } from "../output.ts";
import { type GlobalOptions, withClient } from "../run-command.ts";

export function tenantsCommand(program: Command, globals: () => GlobalOptions) {
  const tenants = program.command("tenants").description("Create and list tenants (the distributors Crossdock serves)");
  tenants
    .command("create")
    .description("Create a tenant")
    .requiredOption("--name <name>", 'display name, e.g. "Acme Industrial Supply"')
    .requiredOption("--slug <slug>", "short unique name used in URLs and commands, e.g. acme")
    .option("--partner <id>", "the partner that runs this tenant")
    .option("--json", "print JSON")
    .action((options) =>
      withClient(globals(), async (client) => {
        const tenant = await client.request("POST", "/api/v1/tenants", {
          json: { name: options.name, slug: options.slug, ...(options.partner ? { partner_id: options.partner } : {}) },
        });
        print(tenant, Boolean(options.json));
      }),
    );
  tenants
    .command("list")
    .description("List tenants")
    .option("--json", "print JSON")
    .action((options) =>
      withClient(globals(), async (client) => {
        const { data } = await client.request<{ data: unknown[] }>("GET", "/api/v1/tenants");
        print(data, Boolean(options.json));
      }),
    );
}
