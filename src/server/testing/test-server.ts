import { type Crossdock, createCrossdock, MIGRATIONS } from "../../main.ts";
import { TENANT_SCOPES } from "../../modules/governance/index.ts";
import { loadConfig } from "../../platform/config.ts";
import { createLogger } from "../../platform/logger.ts";
import { createTestDatabase } from "../../platform/testing/test-database.ts";

export type TestRequest = {
  token?: string | undefined;
  tenant?: string | undefined;
  json?: unknown;
  body?: string;
  headers?: Record<string, string>;
};

// Tests read arbitrary JSON bodies and assert on their shape; `any` keeps those assertions short.
// biome-ignore lint/suspicious/noExplicitAny: test helper, the assertions are the type check
export type TestResponse = { status: number; body: any; headers: Headers };

/**
 * Crossdock on a fresh test database (PGlite, or the server when DATABASE_URL is set), called
 * through its HTTP app in-process: the same routing, middleware and handlers as over a socket.
 * `processorThread`: on the server, receipts are processed in a thread of their own, as
 * `crossdock start` does (the thread connects to the test database by its URL).
 */
export async function createTestServer(overrides: Record<string, string> = {}, options: { processorThread?: boolean } = {}) {
  const test = await createTestDatabase(MIGRATIONS);
  const config = loadConfig({
    LOG_LEVEL: "silent",
    CROSSDOCK_DATA_DIR: "memory://",
    ...(options.processorThread && test.url ? { DATABASE_URL: test.url } : {}),
    ...overrides,
  });
  const crossdock: Crossdock = await createCrossdock({ config, logger: createLogger({ level: "silent" }), db: test.db });

  async function request(method: string, path: string, options: TestRequest = {}): Promise<TestResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.tenant) headers["x-crossdock-tenant"] = options.tenant;
    if (options.json !== undefined) headers["content-type"] ??= "application/json";
    const response = await crossdock.http.app.request(path, {
      method,
      headers,
      body: options.json !== undefined ? JSON.stringify(options.json) : options.body,
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body, headers: response.headers };
  }

  /** A tenant with an admin API key holding every tenant scope. */
  async function createTenantWithKey(slug: string, scopes?: string[]) {
    const operator = crossdock.operator.token;
    const tenant = await request("POST", "/api/v1/tenants", { token: operator, json: { name: `Tenant ${slug}`, slug } });
    if (tenant.status !== 201) throw new Error(`tenant: ${JSON.stringify(tenant.body)}`);
    const key = await request("POST", "/api/v1/api-keys", {
      token: operator,
      tenant: slug,
      json: {
        name: "test",
        scopes: scopes ?? [...TENANT_SCOPES],
      },
    });
    if (key.status !== 201) throw new Error(`key: ${JSON.stringify(key.body)}`);
    return { tenant: tenant.body as { id: string; slug: string }, key: key.body.secret as string, keyId: key.body.id as string };
  }

  /**
   * Signs a console user in; `headers` carry the session cookie and this origin, as the console's
   * own requests would (writes carried by a cookie must come from the console's origin).
   */
  async function signIn(tenant: string, email: string, password: string) {
    const response = await request("POST", "/api/v1/auth/sessions", { json: { tenant, email, password } });
    if (response.status !== 201) throw new Error(`sign-in: ${JSON.stringify(response.body)}`);
    const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] as string;
    return { cookie, headers: { cookie, origin: "http://localhost" }, user: response.body.user as { id: string } };
  }

  return {
    crossdock,
    request,
    createTenantWithKey,
    signIn,
    operatorToken: crossdock.operator.token,
    async close() {
      await test.drop();
    },
  };
}

export type TestServer = Awaited<ReturnType<typeof createTestServer>>;
