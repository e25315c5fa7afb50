import { randomBytes } from "node:crypto";
import cliProgress from "cli-progress";
import type { Command } from "commander";
import { z } from "zod";
import type { ApiClient } from "../client.ts";
import { reportError } from "../output.ts";
import { configFrom, type GlobalOptions } from "../run-command.ts";

const DEMO_TENANT = { name: "Harbor Industrial Supply", slug: "harbor" };
const DEMO_PARTNER = { name: "Crossdock Demo Partner", slug: "demo-partner" };
const DEMO_ADMIN = "admin@harbor.example";

const Flags = z.object({
  scale: z.enum(["small", "medium", "large"], { message: "--scale must be small, medium or large" }).default("medium"),
  seed: z.coerce.number().int("--seed must be a whole number").min(0, "--seed must be 0 or more").default(42),
});

function parseFlags(raw: unknown): z.infer<typeof Flags> | undefined {
  const parsed = Flags.safeParse(raw);
  if (parsed.success) return parsed.data;
  process.stderr.write(`${parsed.error.issues.map((issue) => `error: ${issue.message}`).join("\n")}\n`);
  process.exitCode = 1;
  return undefined;
}

export function demoCommand(program: Command, globals: () => GlobalOptions) {
  const demo = program
    .command("demo")
    .description(
      "Start Crossdock with a demo distributor loaded: a tenant, a console login, an API key and two years of business",
    )
    .option("--scale <scale>", "small, medium or large", "medium")
    .option("--seed <n>", "the same seed gives the same business", "42")
    .option("--port <port>", "port to listen on (PORT; default 3000; 0 picks a free one)")
    .option("--host <host>", "address to listen on (HOST; default 127.0.0.1)")
    .action(async (raw) => {
      const flags = parseFlags(raw);
      if (!flags) return;
      const started = performance.now();
      try {
        const config = {
          ...configFrom(globals()),
          ...(raw.port !== undefined ? { port: Number(raw.port) } : {}),
          ...(raw.host ? { host: raw.host } : {}),
        };
        const [{ serveCrossdock }, { inProcessClient }] = await Promise.all([import("../serve.ts"), import("../client.ts")]);
        const { crossdock, url } = await serveCrossdock(config, started);
        const client = inProcessClient(crossdock, { keepRunning: true });
        await loadDemo(client, flags, url);
      } catch (error) {
        reportError(error);
      }
    });

  demo
    .command("generate")
    .description(
      "Write the demo business as files without loading it: records (JSONL, CSV), ground truth, documents (PDF, scans, EDI) and knowledge documents with questions",
    )
    .requiredOption("--out <dir>", "directory to write into (created if missing)")
    .option("--scale <scale>", "small, medium or large", "medium")
    .option("--seed <n>", "the same seed gives the same bytes", "42")
    .action(async (raw) => {
      const flags = parseFlags(raw);
      if (!flags) return;
      try {
        const started = performance.now();
        const { generateDemo, writeDemoFiles } = await import("../../demo/index.ts");
        const { world, files } = generateDemo(flags);
        const bytes = await writeDemoFiles(raw.out, files);
        const records = Object.values(world.records).reduce((sum, rows) => sum + rows.length, 0);
        process.stdout.write(
          `Wrote ${files.length} files (${(bytes / 1024 / 1024).toFixed(1)} MB) to ${raw.out} in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
            `${records.toLocaleString("en-US")} records of ${world.company.name}, ${world.start} to ${world.end} (scale ${world.scale}, seed ${world.seed}).\n`,
        );
      } catch (error) {
        reportError(error);
      }
    });
}

/** Creates the demo partner, tenant, admin and API key, and loads the business through the records API. */
async function loadDemo(client: ApiClient, flags: z.infer<typeof Flags>, url: string): Promise<void> {
  const { data: tenants } = await client.request<{ data: { slug: string }[] }>("GET", "/api/v1/tenants");
  if (tenants.some((tenant) => tenant.slug === DEMO_TENANT.slug)) {
    process.stdout.write(
      `\nThe demo tenant "${DEMO_TENANT.slug}" is already loaded. Sign in at ${url}/sign-in?tenant=${DEMO_TENANT.slug} as ${DEMO_ADMIN} with the password printed when it was loaded,\n` +
        `or create another login: npx crossdock users create --tenant ${DEMO_TENANT.slug} --email you@example.com --roles admin\n`,
    );
    return;
  }
  const { generateWorld, loadWorld, LOAD_ORDER } = await import("../../demo/index.ts");
  const generating = performance.now();
  const world = generateWorld(flags);
  const generatedIn = (performance.now() - generating) / 1000;

  const { data: partners } = await client.request<{ data: { slug: string }[] }>("GET", "/api/v1/partners");
  if (!partners.some((partner) => partner.slug === DEMO_PARTNER.slug))
    await client.request("POST", "/api/v1/partners", { json: DEMO_PARTNER });
  await client.request("POST", "/api/v1/tenants", { json: { ...DEMO_TENANT, partner_id: DEMO_PARTNER.slug } });
  const password = randomBytes(12).toString("base64url");
  await client.request("POST", "/api/v1/users", {
    tenant: DEMO_TENANT.slug,
    json: { email: DEMO_ADMIN, name: "Demo Admin", password, roles: ["admin"] },
  });
  const key = await client.request<{ secret: string }>("POST", "/api/v1/api-keys", {
    tenant: DEMO_TENANT.slug,
    json: { name: "demo", scopes: ["records:read", "records:write"] },
  });

  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar(
        {
          stream: process.stderr,
          format: "loading {type} {bar} {value}/{total}",
          hideCursor: true,
          clearOnComplete: true,
          fps: 10,
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  let current = "";
  const summary = await loadWorld(client, DEMO_TENANT.slug, world, (type, loaded, total) => {
    if (!bar) return;
    if (type !== current) {
      if (current) bar.stop();
      current = type;
      bar.start(total, loaded, { type: `${type} (${LOAD_ORDER.indexOf(type) + 1}/${LOAD_ORDER.length})` });
    } else bar.update(loaded);
  });
  bar?.stop();
  process.stdout.write(
    `\nLoaded ${world.company.name}: ${summary.records.toLocaleString("en-US")} records (${world.start} to ${world.end}, scale ${world.scale}, seed ${world.seed}),\n` +
      `generated in ${generatedIn.toFixed(1)} s and loaded through the records API in ${summary.seconds.toFixed(1)} s.\n\n` +
      `  console   ${url}/sign-in?tenant=${DEMO_TENANT.slug}   organisation ${DEMO_TENANT.slug}   email ${DEMO_ADMIN}   password ${password}\n` +
      `  API key   ${key.secret}\n` +
      `  try       curl -H "Authorization: Bearer ${key.secret}" "${url}/api/v1/records/sales-orders?limit=5"\n\n` +
      "The password and the key are shown once.\n",
  );
}
