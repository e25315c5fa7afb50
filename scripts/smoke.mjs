#!/usr/bin/env node
// Smoke test: Crossdock used the way a person would, end to end, on a fresh embedded data directory.
//
//   node scripts/smoke.mjs
//
// 1. starts the server with the `start` script of package.json (what `npm start` runs), on a free
//    port and a new data directory, and waits for /readyz; checks the console is served there;
// 2. sets up a tenant and an API key with the CLI (`crossdock tenants create`, `crossdock api-keys
//    create`); the embedded database belongs to the running server, so the CLI goes through it;
// 3. upserts two items over the REST API, lists them and reads each back, checking the fields, and
//    checks that the same upsert again changes nothing;
// 4. stops the server with SIGINT (Ctrl-C) and checks it exits with code 0 within 10 seconds.
//
// DATABASE_URL is ignored here on purpose: this checks the zero-setup path of a new user.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

/** The two records the smoke test writes; every field sent must come back unchanged. */
const ITEMS = [
  {
    source_system: "smoke-erp",
    external_id: "ITEM-1001",
    sku: "BRG-6204-2RS",
    name: "Deep groove ball bearing 6204-2RS",
    base_uom: "EA",
    category: "Bearings",
  },
  {
    source_system: "smoke-erp",
    external_id: "ITEM-1002",
    sku: "VBL-A42",
    name: "V-belt A42, classical section",
    base_uom: "EA",
    category: "Power transmission",
  },
];

const dataDir = mkdtempSync(path.join(os.tmpdir(), "crossdock-smoke-"));
const env = { ...process.env, CROSSDOCK_DATA_DIR: dataDir, LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" };
delete env.DATABASE_URL;
env.PATH = `${path.join(ROOT, "node_modules", ".bin")}${path.delimiter}${env.PATH ?? ""}`;

let server; // the running server, while there is one
let step = 0;

function header(title) {
  step += 1;
  console.log(`\n── smoke ${step}: ${title}`);
}

function fail(message) {
  throw new Error(message);
}

/** Runs the CLI (the `crossdock` script of package.json) and parses the JSON it prints. */
async function cli(args) {
  console.log(`$ crossdock ${args.map((a) => (/[\s,]/.test(a) ? JSON.stringify(a) : a)).join(" ")}`);
  const { code, stdout, stderr } = await run("npm", ["run", "--silent", "crossdock", "--", ...args]);
  if (code !== 0) fail(`crossdock ${args[0]} ${args[1] ?? ""} exited with ${code}\n${stderr}${stdout}`);
  try {
    return JSON.parse(stdout);
  } catch {
    // Tolerate log lines before the JSON document: take the last line that parses.
    for (const line of stdout.trim().split("\n").reverse()) {
      try {
        return JSON.parse(line);
      } catch {}
    }
    fail(`crossdock ${args.slice(0, 2).join(" ")} --json did not print JSON:\n${stdout}\n${stderr}`);
  }
}

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve({ code: code ?? signal, stdout, stderr }));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Starts what `npm start` runs, as its own process group, so SIGINT reaches it as Ctrl-C would. */
function startServer(port) {
  const startScript = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts?.start;
  if (!startScript) fail("package.json has no start script");
  console.log(`$ npm start   (${startScript}; PORT=${port}, CROSSDOCK_DATA_DIR=${dataDir})`);
  const child = spawn("sh", ["-c", `exec ${startScript}`], {
    cwd: ROOT,
    env: { ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  for (const stream of [child.stdout, child.stderr]) {
    let rest = "";
    stream.on("data", (chunk) => {
      const lines = (rest + chunk).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) console.log(`  [server] ${line}`);
    });
  }
  return { child, exited, done: false };
}

async function waitForReady(base) {
  const started = Date.now();
  let last = "no answer";
  while (Date.now() - started < READY_TIMEOUT_MS) {
    const outcome = await Promise.race([
      fetch(`${base}/readyz`, { signal: AbortSignal.timeout(2_000) }).then(
        (res) => ({ res }),
        (error) => ({ error }),
      ),
      server.exited.then((exit) => ({ exit })),
    ]);
    if (outcome.exit) {
      server.done = true;
      fail(`the server exited before it was ready (code ${outcome.exit.code}, signal ${outcome.exit.signal})`);
    }
    if (outcome.res?.ok) return Date.now() - started;
    last = outcome.res ? `HTTP ${outcome.res.status}` : String(outcome.error?.cause?.code ?? outcome.error?.message);
    await sleep(200);
  }
  fail(`/readyz did not answer 200 within ${READY_TIMEOUT_MS / 1000} s (last: ${last})`);
}

async function api(base, secret, method, route, body) {
  const res = await fetch(`${base}${route}`, {
    method,
    headers: { authorization: `Bearer ${secret}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    fail(`${method} ${route} answered ${res.status} with a body that is not JSON: ${text.slice(0, 500)}`);
  }
  console.log(`${method} ${route} → ${res.status}`);
  return { status: res.status, json, text };
}

/** Every object in a JSON document (responses may wrap records in `data`, `items`, `results`…). */
function* objects(value) {
  if (Array.isArray(value)) for (const v of value) yield* objects(v);
  else if (value && typeof value === "object") {
    yield value;
    for (const v of Object.values(value)) yield* objects(v);
  }
}

function findRecord(body, item) {
  for (const o of objects(body)) {
    if (o.external_id === item.external_id && o.source_system === item.source_system && typeof o.id === "string") return o;
  }
  return undefined;
}

function checkFields(record, item, where) {
  for (const [key, expected] of Object.entries(item)) {
    if (record[key] !== expected) {
      fail(`${where}: field ${key} is ${JSON.stringify(record[key])}, expected ${JSON.stringify(expected)}`);
    }
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  header("start the server and wait for /readyz");
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  server = startServer(port);
  const readyMs = await waitForReady(base);
  console.log(`ready in ${readyMs} ms (first start on a new data directory)`);

  header("the console is served at the printed URL, on the API's port");
  const page = await fetch(`${base}/`);
  const html = await page.text();
  if (page.status !== 200 || !page.headers.get("content-type")?.startsWith("text/html") || !html.includes('id="root"')) {
    fail(`GET / did not answer the console's page: ${page.status} ${html.slice(0, 300)}`);
  }
  const script = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  if (!script) fail(`the console's page names no script: ${html.slice(0, 500)}`);
  const asset = await fetch(`${base}${script}`);
  if (asset.status !== 200 || !asset.headers.get("content-type")?.includes("javascript")) {
    fail(`GET ${script} answered ${asset.status} ${asset.headers.get("content-type")}`);
  }
  const deepLink = await fetch(`${base}/records/items?q=BRG`);
  if (deepLink.status !== 200 || !(await deepLink.text()).includes('id="root"')) fail("a console deep link did not get its page");
  const missingApi = await fetch(`${base}/api/v1/no-such-thing`);
  if (missingApi.status !== 404 || !missingApi.headers.get("content-type")?.includes("json")) {
    fail(`an unknown API path answered ${missingApi.status} ${missingApi.headers.get("content-type")}, not a JSON 404`);
  }
  console.log(`GET / → 200 (console), ${script} → 200, a deep link → the console, an unknown API path → JSON 404`);

  header("CLI: create a tenant");
  const tenant = await cli(["tenants", "create", "--name", "Acme Supply", "--slug", "acme", "--json"]);
  const tenantRecord = [...objects(tenant)].find((o) => o.slug === "acme");
  if (!tenantRecord) fail(`tenants create printed no tenant with slug "acme": ${JSON.stringify(tenant)}`);
  console.log(`tenant ${tenantRecord.id ?? "(no id)"} "${tenantRecord.name}"`);

  header("CLI: create an API key");
  const key = await cli([
    "api-keys",
    "create",
    "--tenant",
    "acme",
    "--name",
    "smoke",
    "--scopes",
    "records:read,records:write",
    "--json",
  ]);
  const secret = [...objects(key)].find((o) => typeof o.secret === "string")?.secret;
  if (!secret) fail(`api-keys create printed no secret: ${JSON.stringify(key)}`);
  console.log(`api key ${key.id ?? ""} with scopes ${JSON.stringify(key.scopes ?? "?")} (secret not shown)`);

  header("upsert two items");
  const upsert = await api(base, secret, "POST", "/api/v1/records/items", ITEMS);
  if (upsert.status < 200 || upsert.status > 299) fail(`bulk upsert answered ${upsert.status}: ${upsert.text.slice(0, 1000)}`);

  header("read them back");
  let list = await api(base, secret, "GET", "/api/v1/records/items");
  if (list.status !== 200) fail(`list answered ${list.status}: ${list.text.slice(0, 1000)}`);
  for (const item of ITEMS) {
    const listed = findRecord(list.json, item);
    if (!listed) fail(`GET /api/v1/records/items does not list ${item.external_id}: ${list.text.slice(0, 1000)}`);
    checkFields(listed, item, `list entry ${item.external_id}`);
    const one = await api(base, secret, "GET", `/api/v1/records/items/${encodeURIComponent(listed.id)}`);
    if (one.status !== 200) fail(`GET item ${listed.id} answered ${one.status}: ${one.text.slice(0, 1000)}`);
    const record = findRecord(one.json, item);
    if (!record || record.id !== listed.id) fail(`GET item ${listed.id} returned another record: ${one.text.slice(0, 1000)}`);
    checkFields(record, item, `item ${listed.id}`);
    console.log(`${listed.id}: ${Object.keys(item).join(", ")} as sent`);
  }

  header("the same upsert again is idempotent");
  const again = await api(base, secret, "POST", "/api/v1/records/items", ITEMS);
  if (again.status < 200 || again.status > 299) fail(`repeated upsert answered ${again.status}: ${again.text.slice(0, 1000)}`);
  list = await api(base, secret, "GET", "/api/v1/records/items");
  const listed = [...objects(list.json)].filter((o) =>
    ITEMS.some((i) => i.external_id === o.external_id && i.source_system === o.source_system),
  );
  if (listed.length !== ITEMS.length)
    fail(`after a repeated upsert the list shows ${listed.length} copies of the ${ITEMS.length} items`);
  console.log(`still ${listed.length} items`);

  header("stop the server with SIGINT (Ctrl-C)");
  const stopping = Date.now();
  process.kill(-server.child.pid, "SIGINT");
  const exit = await Promise.race([server.exited, sleep(STOP_TIMEOUT_MS).then(() => undefined)]);
  if (!exit) fail(`the server did not exit within ${STOP_TIMEOUT_MS / 1000} s of SIGINT`);
  server.done = true;
  if (exit.code !== 0) fail(`the server exited with code ${exit.code}, signal ${exit.signal} after SIGINT; expected code 0`);
  console.log(`exited with code 0 in ${Date.now() - stopping} ms`);
}

let ok = false;
try {
  await main();
  ok = true;
} catch (error) {
  console.error(`\nsmoke: FAILED at step ${step}: ${error.message}`);
} finally {
  if (server && !server.done) {
    try {
      process.kill(-server.child.pid, "SIGKILL");
    } catch {}
  }
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(ok ? "\nsmoke: passed" : "");
process.exit(ok ? 0 : 1);
