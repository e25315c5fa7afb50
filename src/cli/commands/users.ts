import { randomBytes } from "node:crypto";
import type { Command } from "commander";
import { print } from "../output.ts";
import { type GlobalOptions, withClient } from "../run-command.ts";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

export function usersCommand(program: Command, globals: () => GlobalOptions) {
  const users = program.command("users").description("Create and list console users of a tenant");
  users
    .command("create")
    .description("Create a console user; the password is stored as an argon2id hash")
    .requiredOption("--tenant <slug>", "tenant slug or id")
    .requiredOption("--email <email>", "sign-in email")
    .option("--name <name>", "display name (defaults to the email)")
    .option(
      "--roles <roles>",
      // Kept in step with governance's roles by cli.db.test.ts; written out so --help loads no module.
      "comma-separated roles: admin, operations_manager, csr, buyer, ap_clerk, logistics, auditor, viewer, partner_admin",
      "admin",
    )
    .option("--password <password>", "password (visible to other users of this machine; prefer --password-stdin)")
    .option("--password-stdin", "read the password from standard input")
    .option("--json", "print JSON")
    .action((options) =>
      withClient(globals(), async (client) => {
        const generated = !options.password && !options.passwordStdin;
        const password: string = options.passwordStdin
          ? await readStdin()
          : (options.password ?? randomBytes(12).toString("base64url"));
        const user = await client.request<Record<string, unknown>>("POST", "/api/v1/users", {
          tenant: options.tenant,
          json: {
            email: options.email,
            name: options.name ?? options.email,
            password,
            roles: String(options.roles)
              .split(",")
              .map((role) => role.trim()),
          },
        });
        print(generated ? { ...user, password } : user, Boolean(options.json));
        if (generated && !options.json) process.stderr.write("A password was generated and is shown once above.\n");
        if (client.serverUrl && !options.json) {
          process.stderr.write(
            `Sign in at ${new URL(`/sign-in?tenant=${encodeURIComponent(options.tenant)}`, client.serverUrl)}\n`,
          );
        }
      }),
    );
  users
    .command("list")
    .description("List a tenant's users")
    .requiredOption("--tenant <slug>", "tenant slug or id")
    .option("--json", "print JSON")
    .action((options) =>
      withClient(globals(), async (client) => {
        const { data } = await client.request<{ data: unknown[] }>("GET", "/api/v1/users", { tenant: options.tenant });
        print(data, Boolean(options.json));
      }),
    );
}
