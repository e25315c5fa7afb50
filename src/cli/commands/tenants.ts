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
    .option("--partner <partner>", "the partner that runs this tenant (its id or slug)")
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
    .option("--partner <partner>", "only this partner's tenants (its id or slug)")
    .option("--json", "print JSON")
    .action((options) =>
      withClient(globals(), async (client) => {
        const query = options.partner ? `?partner=${encodeURIComponent(options.partner)}` : "";
        const { data } = await client.request<{ data: unknown[] }>("GET", `/api/v1/tenants${query}`);
        print(data, Boolean(options.json));
      }),
    );
}

export function partnersCommand(program: Command, globals: () => GlobalOptions) {
  const partners = program
    .command("partners")
    .description("Create and list partners (ERP partners, MSPs and integrators that run Crossdock for several distributors)");
  partners
    .command("create")
    .description("Create a partner; give its slug to `tenants create --partner`")
    .requiredOption("--name <name>", 'display name, e.g. "Northwind ERP Services"')
    .requiredOption("--slug <slug>", "short unique name, e.g. northwind")
    .option("--json", "print JSON")
    .action((options) =>
      withClient(globals(), async (client) => {
        const partner = await client.request("POST", "/api/v1/partners", { json: { name: options.name, slug: options.slug } });
        print(partner, Boolean(options.json));
      }),
    );
  partners
    .command("list")
    .description("List partners")
    .option("--json", "print JSON")
    .action((options) =>
      withClient(globals(), async (client) => {
        const { data } = await client.request<{ data: unknown[] }>("GET", "/api/v1/partners");
        print(data, Boolean(options.json));
      }),
    );
}
