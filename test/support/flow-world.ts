import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DBOS } from "@dbos-inc/dbos-sdk";
import { type Crossdock, createCrossdock } from "../../src/main.ts";
import { loadConfig } from "../../src/platform/config.ts";
import { openPglite } from "../../src/platform/db/pglite.ts";
import { openPostgres } from "../../src/platform/db/postgres.ts";
import { createLogger } from "../../src/platform/logger.ts";
import { startTargetServer, type TargetServer } from "../../src/platform/testing/http-target-server.ts";
import { startSmtpTestServer } from "../../src/platform/testing/smtp-test-server.ts";
import { createServerDatabase } from "../../src/platform/testing/test-database.ts";
import { loadDistributor } from "./flow-records.ts";

export const PASSWORD = "correct horse battery staple";
const PEOPLE = {
  admin: { email: "ada@acme.test", name: "Ada", roles: ["admin"] },
  csr: { email: "cy@acme.test", name: "Cy", roles: ["csr"] },
  csr2: { email: "cass@acme.test", name: "Cass", roles: ["csr"] },
  buyer: { email: "bo@acme.test", name: "Bo", roles: ["buyer"] },
  ops: { email: "olga@acme.test", name: "Olga", roles: ["operations_manager"] },
  viewer: { email: "vic@acme.test", name: "Vic", roles: ["viewer"] },
} as const;
export type PersonName = keyof typeof PEOPLE;

// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies and assert on their shape
type Body = any;
export type Response = { status: number; body: Body };

/** The ERP's endpoints as a tenant would configure them: orders, POs, AP invoices, and their undo. */
export function erpConnector(url: string) {
  const post = (path: string, compensation?: { kind: string; path: string }) => ({
    method: "POST",
    path,
    external_id_path: "data.id",
    ...(compensation ? { compensation: { kind: compensation.kind, method: "POST", path: compensation.path } } : {}),
  });
  return {
    name: "erp",
    kind: "rest",
    config: {
      base_url: url,
      auth: { type: "bearer", token: "erp-token-123456" },
      timeout_ms: 2_000,
      endpoints: {
        "sales_order.create": post("/orders", { kind: "sales_order.cancel", path: "/orders/{external_id}/cancel" }),
        "sales_order.update": post("/orders/{order_external_id}/changes"),
        "purchase_order.create": post("/purchase-orders", {
          kind: "purchase_order.cancel",
          path: "/purchase-orders/{external_id}/cancel",
        }),
        "ap_invoice.post": post("/ap-invoices/{invoice_external_id}/post"),
        "ap_invoice.short_pay": post("/ap-invoices/{invoice_external_id}/short-pay"),
        "ap_invoice.hold": post("/ap-invoices/{invoice_external_id}/hold", {
          kind: "ap_invoice.release",
          path: "/ap-invoices/{invoice_external_id}/release",
        }),
        "ap_invoice.release": post("/ap-invoices/{invoice_external_id}/release"),
      },
    },
  };
}

/**
 * A whole Crossdock, launched, on a fresh database, with a small distributor's records, people of
 * each role signed in, and real servers for what it writes to: an ERP and an EDI endpoint (HTTP
 * servers counting writes by Idempotency-Key) and an SMTP server.
 */
export async function createFlowWorld(
  options: {
    /** PGlite on disk, in the data directory, as `crossdock start` runs it (default: in memory). */
    pgliteOnDisk?: boolean;
    /** Called after Crossdock is built and before it starts: to register more flows, say. */
    beforeStart?: (crossdock: Crossdock) => void;
  } = {},
) {
  // The database is Crossdock's to close (stop() closes it); on a server, dropped after.
  const dataDir = await mkdtemp(path.join(tmpdir(), "crossdock-flows-"));
  const server = process.env.DATABASE_URL ? await createServerDatabase(process.env.DATABASE_URL) : undefined;
  const db = server
    ? await openPostgres(server.url, 8, () => undefined)
    : await openPglite(options.pgliteOnDisk ? path.join(dataDir, "pg") : "memory://");
  const smtp = await startSmtpTestServer();
  const erp: TargetServer = await startTargetServer({ honourIdempotency: true });
  const edi: TargetServer = await startTargetServer({
    honourIdempotency: true,
    handle: () => ({ status: 200, body: { received: true } }),
  });
  const config = loadConfig({
    LOG_LEVEL: "silent",
    CROSSDOCK_DATA_DIR: dataDir,
    CROSSDOCK_SMTP_URL: smtp.url,
    CROSSDOCK_SECRET_KEY: randomBytes(32).toString("base64"),
    CROSSDOCK_APP_VERSION: "flows-test",
    ...(server ? { DATABASE_URL: server.url } : {}),
  });
  const crossdock: Crossdock = await createCrossdock({ config, logger: createLogger({ level: "silent" }), db });
  options.beforeStart?.(crossdock);
  await crossdock.start();

  async function request(
    method: string,
    url: string,
    options: { json?: unknown; token?: string; cookie?: string } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = url === "/api/v1/tenants" ? {} : { "x-crossdock-tenant": "acme" };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.cookie) {
      headers.cookie = options.cookie;
      headers.origin = "http://localhost";
    }
    if (options.json !== undefined) headers["content-type"] = "application/json";
    const response = await crossdock.http.app.request(url, {
      method,
      headers,
      body: options.json === undefined ? undefined : JSON.stringify(options.json),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }
  const operator = (method: string, url: string, json?: unknown) =>
    request(method, url, { token: crossdock.operator.token, json });
  const must = async (response: Promise<Response>, status: number, what: string) => {
    const result = await response;
    if (result.status !== status) throw new Error(`${what}: ${result.status} ${JSON.stringify(result.body)}`);
    return result.body;
  };

  const tenant = await must(operator("POST", "/api/v1/tenants", { name: "Acme Supply", slug: "acme" }), 201, "tenant");
  const cookies = {} as Record<PersonName, string>;
  const userIds = {} as Record<PersonName, string>;
  for (const [name, person] of Object.entries(PEOPLE) as [PersonName, (typeof PEOPLE)[PersonName]][]) {
    const user = await must(
      operator("POST", "/api/v1/users", { ...person, roles: [...person.roles], password: PASSWORD }),
      201,
      name,
    );
    userIds[name] = user.id;
    const signIn = await crossdock.http.app.request("/api/v1/auth/sessions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ tenant: "acme", email: person.email, password: PASSWORD }),
    });
    cookies[name] = (signIn.headers.get("set-cookie") ?? "").split(";")[0] as string;
  }
  await must(operator("POST", "/api/v1/connectors", erpConnector(erp.url)), 201, "erp connector");
  await must(
    operator("POST", "/api/v1/connectors", {
      name: "edi",
      kind: "edi",
      config: {
        sender: { qualifier: "ZZ", id: "ACMESUPPLY" },
        receiver: { qualifier: "ZZ", id: "PARTNER" },
        delivery: { type: "http", url: `${edi.url}/x12` },
      },
    }),
    201,
    "edi connector",
  );
  await must(
    operator("POST", "/api/v1/connectors", { name: "email", kind: "email", config: { from_name: "Acme Supply" } }),
    201,
    "email connector",
  );
  await loadDistributor((type, rows) => must(operator("POST", `/api/v1/records/${type}`, rows), 200, type));

  const as = (name: PersonName) => (method: string, url: string, json?: unknown) =>
    request(method, url, { cookie: cookies[name], json });

  return {
    crossdock,
    db,
    erp,
    edi,
    smtp,
    userIds,
    tenantId: tenant.id as string,
    operator,
    as,
    /** Starts a run as the operator; returns its id. */
    async start(flow: string, input: Record<string, unknown>): Promise<string> {
      return (await must(operator("POST", "/api/v1/runs", { flow, input }), 201, `start ${flow}`)).id;
    },
    /** Polls the run until it reaches one of `statuses`. */
    async until(runId: string, statuses: string[], timeoutMs = 30_000): Promise<Body> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const detail = await must(operator("GET", `/api/v1/runs/${runId}`), 200, "run");
        if (statuses.includes(detail.run.status)) return detail;
        if (Date.now() > deadline)
          throw new Error(`run ${runId} is ${detail.run.status} at ${detail.run.stage}: ${detail.run.error ?? ""}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    /** The run's open task. */
    async openTask(runId: string): Promise<Body> {
      const tasks = await must(operator("GET", `/api/v1/tasks?view=all&run_id=${runId}`), 200, "tasks");
      const task = tasks.data.find((candidate: { status: string }) => candidate.status === "open");
      if (!task) throw new Error(`run ${runId} has no open task`);
      return task;
    },
    /** Writes the ERP received, each Idempotency-Key once, by path prefix. */
    erpWrites(prefix: string) {
      return erp.received.filter((entry) => entry.method === "POST" && entry.path.startsWith(prefix));
    },
    async close() {
      await crossdock.stop();
      await DBOS.shutdown().catch(() => undefined);
      await Promise.all([erp.close(), edi.close(), smtp.close()]);
      await rm(dataDir, { recursive: true, force: true });
      await server?.drop();
    },
  };
}

export type FlowWorld = Awaited<ReturnType<typeof createFlowWorld>>;
