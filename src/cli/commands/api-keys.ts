import type { Command } from "commander";
import { print } from "../output.ts";
import { type GlobalOptions, withClient } from "../run-command.ts";

export function apiKeysCommand(program: Command, globals: () => GlobalOptions) {
  const keys = program.command("api-keys").description("Create, list and revoke a tenant's API keys");
  keys
    .command("create")
    .description("Create an API key; its secret is printed once and stored only as a hash")
    .requiredOption("--tenant <slug>", "tenant slug or id")
    .requiredOption("--name <name>", 'what the key is for, e.g. "ERP sync"')
    .requiredOption("--scopes <scopes>", "comma-separated scopes, e.g. records:read,records:write")
    .option("--expires <iso-date>", "expiry, e.g. 2027-01-01T00:00:00Z")
    .option("--json", "print JSON")
    .action((options) =>
      withClient(globals(), async (client) => {
        const key = await client.request("POST", "/api/v1/api-keys", {
          tenant: options.tenant,
          json: {
            name: options.name,
            scopes: String(options.scopes)
              .split(",")
              .map((scope) => scope.trim()),
            ...(options.expires ? { expires_at: options.expires } : {}),
          },
        });
        print(key, Boolean(options.json));
        if (!options.json) process.stderr.write("Keep the secret now: it is not shown again.\n");
      }),
    );
  keys
    .command("list")
    .description("List a tenant's API keys (never their secrets)")
    .requiredOption("--tenant <slug>", "tenant slug or id")
    .option("--json", "print JSON")
    .action((options) =>
      withClient(globals(), async (client) => {
        const { data } = await client.request<{ data: unknown[] }>("GET", "/api/v1/api-keys", { tenant: options.tenant });
        print(data, Boolean(options.json));
      }),
    );
  keys
    .command("revoke")
    .description("Revoke an API key; it stops working at once")
    .argument("<id>", "the key's id (key_…)")
    .requiredOption("--tenant <slug>", "tenant slug or id")
    .option("--json", "print JSON")
    .action((id, options) =>
      withClient(globals(), async (client) => {
        print(
          await client.request("DELETE", `/api/v1/api-keys/${encodeURIComponent(id)}`, { tenant: options.tenant }),
          Boolean(options.json),
        );
      }),
    );
}
