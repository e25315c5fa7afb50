import { pino } from "pino";
import * as vitest from "vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTargetServer } from "../../../../platform/testing/http-target-server.ts";
import { startTokenServer } from "../../../../platform/testing/oauth2-token-server.ts";
import type { ActionRequestInput, ConnectorInput } from "../../contract/index.ts";
import { PermanentActionError, RetryableActionError } from "../../errors.ts";
import { type ActionsFixture, createActionsFixture } from "../../testing/fixture.ts";
import { describeConnectorContract } from "../connector-contract.ts";

const CLIENT_ID = "crossdock-harbor";
const CLIENT_SECRET = "cs_live_0123456789_oauth_QRST";
const WRONG_SECRET = "cs_live_9876543210_stale_WXYZ";

/** A token endpoint and the ERP API it guards: the ERP accepts the tokens it issued, and answers 401 to others. */
async function startErpWithIdp() {
  const idp = await startTokenServer({ [CLIENT_ID]: CLIENT_SECRET });
  const erp = await startTargetServer({
    honourIdempotency: true,
    handle: (request, count) =>
      idp.accepts(request.headers.authorization)
        ? { status: 201, body: { data: { id: `SO-${count}` } } }
        : { status: 401, body: { error: "invalid_token" }, headers: { "www-authenticate": 'Bearer error="invalid_token"' } },
  });
  return {
    idp,
    erp,
    /** The requests the ERP received carrying one idempotency key. */
    sentWith: (key: string) => erp.received.filter((request) => request.headers["idempotency-key"] === key),
    async close() {
      await idp.close();
      await erp.close();
    },
  };
}

type Servers = Awaited<ReturnType<typeof startErpWithIdp>>;

function oauthConnector(servers: Servers, name: string, auth: Record<string, unknown> = {}): ConnectorInput {
  return {
    name,
    kind: "rest",
    config: {
      base_url: `${servers.erp.url}/api`,
      auth: {
        type: "oauth2_client_credentials",
        token_url: servers.idp.tokenUrl,
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        scope: "orders.write",
        ...auth,
      },
      timeout_ms: 1_000,
      endpoints: { "sales_order.create": { method: "POST", path: "/orders", external_id_path: "data.id" } },
    },
  } as ConnectorInput;
}

describeConnectorContract(vitest, "rest with OAuth2 client credentials", async () => {
  const servers = await startErpWithIdp();
  const fixture = await createActionsFixture();
  const { config } = oauthConnector(servers, "target") as Extract<ConnectorInput, { kind: "rest" }>;
  return {
    fixture,
    subject: {
      kind: "rest",
      actionKind: "sales_order.create",
      unsupportedKind: "case.update",
      input: {
        kind: "rest",
        config: { ...config, endpoints: { "sales_order.create": { method: "POST", path: "/customers/{customer}/orders" } } },
      },
      payload: (n) => ({ customer: "C-7", order_number: `PO-${n}` }),
      invalidPayload: { payload: { order_number: "PO-X" }, path: "config.endpoints.sales_order.create.path" },
      secret: CLIENT_SECRET,
      delivered: async () => servers.erp.writes.size,
    },
    async close() {
      await servers.close();
      await fixture.close();
    },
  };
});

describe("REST connector with OAuth2 client credentials, against a real token endpoint and ERP", () => {
  let f: ActionsFixture;
  let servers: Servers;
  const logs: string[] = [];
  const failures: unknown[] = [];
  let n = 0;
  let erpBearer = "";
  const order = (connector: string): ActionRequestInput => {
    n += 1;
    return {
      kind: "sales_order.create",
      idempotency_key: `oauth-${n}`,
      connector,
      payload: { order_number: `PO-${n}` },
      facts: { amount_minor: 20_000, currency: "USD", confidence: 0.97 },
      cause: { type: "workflow_run", id: `run_${n}` },
      run_id: `run_${n}`,
    };
  };
  const write = async (request: ActionRequestInput) => {
    const outcome = await f.actions.execute(f.flow, request);
    if (outcome.dry_run) throw new Error("expected a write");
    return outcome.action;
  };
  const failure = async (request: ActionRequestInput) => {
    const error = await f.actions.execute(f.flow, request).catch((caught: unknown) => caught);
    failures.push(error);
    return error as Error;
  };
  const tokenRequests = () => servers.idp.received.length;
  const it_ = () => f.person("usr_it");

  beforeAll(async () => {
    servers = await startErpWithIdp();
    const logger = pino({ level: "debug" }, { write: (line: string) => void logs.push(line) });
    f = await createActionsFixture({ logger });
    await f.permissive();
  });
  afterAll(async () => {
    await servers?.close();
    await f?.close();
  });

  it("fetches one token for several writes, and sends it as a bearer token", async () => {
    await f.actions.connectors.create(it_(), oauthConnector(servers, "erp"));
    const before = tokenRequests();
    const requests = [order("erp"), order("erp"), order("erp")];
    const actions = await Promise.all(requests.map(write));
    actions.push(await write(order("erp")));
    expect(actions.map((action) => action.status)).toEqual(["succeeded", "succeeded", "succeeded", "succeeded"]);
    expect(tokenRequests()).toBe(before + 1);
    const asked = servers.idp.received[before];
    expect(asked).toMatchObject({ method: "POST", path: "/oauth2/token" });
    expect(asked?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(asked?.headers.authorization).toMatch(/^Basic /);
    expect(Object.fromEntries(new URLSearchParams(asked?.body))).toEqual({
      grant_type: "client_credentials",
      scope: "orders.write",
    });
    const bearers = new Set(actions.map((action) => servers.sentWith(action.idempotency_key)[0]?.headers.authorization));
    expect([...bearers]).toEqual(["Bearer at-1"]);
    erpBearer = "Bearer at-1";
  });

  it("fetches a new token once the old one has expired", async () => {
    await f.actions.connectors.create(it_(), oauthConnector(servers, "erp-short"));
    servers.idp.state.expiresIn = 1;
    const before = tokenRequests();
    try {
      const first = await write(order("erp-short"));
      const second = await write(order("erp-short"));
      expect(tokenRequests()).toBe(before + 1);
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const third = await write(order("erp-short"));
      expect(tokenRequests()).toBe(before + 2);
      const bearerOf = (key: string) => servers.sentWith(key)[0]?.headers.authorization;
      expect(bearerOf(first.idempotency_key)).toBe(bearerOf(second.idempotency_key));
      expect(bearerOf(third.idempotency_key)).not.toBe(bearerOf(first.idempotency_key));
      expect(third).toMatchObject({ status: "succeeded", attempts: 1 });
    } finally {
      servers.idp.state.expiresIn = 3600;
    }
  });

  it("drops a token the ERP refuses, fetches another, and writes once under the same key", async () => {
    // The "erp" connector's token, kept since the first test, is revoked at the ERP.
    servers.idp.revoke(erpBearer.replace(/^Bearer /, ""));
    const before = tokenRequests();
    const request = order("erp");
    const action = await write(request);
    expect(action).toMatchObject({ status: "succeeded", attempts: 1 });
    expect(tokenRequests()).toBe(before + 1);
    const sent = servers.sentWith(request.idempotency_key);
    expect(sent.map((one) => one.headers.authorization)).toEqual([erpBearer, expect.stringMatching(/^Bearer at-\d+$/)]);
    expect(sent[1]?.headers.authorization).not.toBe(erpBearer);
    expect(servers.erp.writes.get(request.idempotency_key)?.count).toBe(1);
    // The new token is kept for the next write.
    await write(order("erp"));
    expect(tokenRequests()).toBe(before + 1);
  });

  it("stops at a token endpoint that refuses the client: permanent, with its reason, nothing written", async () => {
    await f.actions.connectors.create(
      it_(),
      oauthConnector(servers, "erp-stale", { client_secret: WRONG_SECRET, auth_method: "client_secret_post" }),
    );
    const before = tokenRequests();
    const request = order("erp-stale");
    const refused = await failure(request);
    expect(refused).toBeInstanceOf(PermanentActionError);
    expect(refused).toMatchObject({ code: "connector_refused", retryable: false, upstreamStatus: 401 });
    expect(refused.message).toContain(`The token endpoint POST ${servers.idp.tokenUrl} refused to issue a token`);
    expect(refused.message).toContain("invalid_client: Client authentication failed");
    expect(refused.message).toContain("check client_id, client_secret and auth_method");
    expect(refused.message).not.toContain(WRONG_SECRET);
    expect(Object.fromEntries(new URLSearchParams(servers.idp.received[before]?.body))).toMatchObject({
      client_id: CLIENT_ID,
      client_secret: WRONG_SECRET,
    });
    expect(servers.sentWith(request.idempotency_key)).toEqual([]);
    const [action] = (await f.actions.list(f.tenant.id, { run_id: request.run_id })).data;
    expect(action).toMatchObject({ status: "failed", error: { code: "connector_refused", retryable: false } });
  });

  it("retries later while the token endpoint is down, and writes once when it is back; an edit drops the kept token", async () => {
    await f.actions.connectors.create(it_(), oauthConnector(servers, "erp-edit"));
    await write(order("erp-edit"));
    // Sent back masked, the secret is kept; the changed scope needs a new token.
    const current = await f.actions.connectors.get(f.tenant.id, "erp-edit");
    const auth: Record<string, unknown> = {
      ...(current.config.auth as Record<string, unknown>),
      scope: "orders.write prices.read",
    };
    expect(auth.client_secret).toBe("••••QRST");
    await f.actions.connectors.update(it_(), "erp-edit", oauthConnector(servers, "erp-edit", auth));
    servers.idp.state.down = true;
    const before = tokenRequests();
    const request = order("erp-edit");
    try {
      const unavailable = await failure(request);
      expect(unavailable).toBeInstanceOf(RetryableActionError);
      expect(unavailable).toMatchObject({ code: "connector_unavailable", retryable: true, upstreamStatus: 503 });
      expect(unavailable.message).toContain("answered 503 temporarily_unavailable");
      expect(tokenRequests()).toBe(before + 1);
      expect(servers.sentWith(request.idempotency_key)).toEqual([]);
    } finally {
      servers.idp.state.down = false;
    }
    const action = await write(request);
    expect(action).toMatchObject({ status: "succeeded", attempts: 2 });
    expect(new URLSearchParams(servers.idp.received.at(-1)?.body).get("scope")).toBe("orders.write prices.read");
    expect(servers.erp.writes.get(request.idempotency_key)?.count).toBe(1);
  });

  it("never shows the secret: not in the connectors listed, their audit, the errors, or the logs", async () => {
    const listed = await f.actions.connectors.list(f.tenant.id);
    expect(listed.map((connector) => (connector.config.auth as { client_secret: string }).client_secret)).toEqual([
      "••••QRST",
      "••••QRST",
      "••••QRST",
      "••••WXYZ",
    ]);
    const trail = await Promise.all(listed.map((connector) => f.auditOf(connector.id)));
    const actions = (await f.actions.list(f.tenant.id, { limit: 100 })).data;
    const actionTrail = await Promise.all(actions.map((action) => f.auditOf(action.id)));
    expect(failures).toHaveLength(2);
    const said = failures.map((error) => [(error as Error).message, JSON.stringify(error)]);
    expect(logs.some((line) => line.includes("fetched an OAuth2 access token"))).toBe(true);
    for (const seen of [listed, trail, actions, actionTrail, said, logs]) {
      const text = JSON.stringify(seen);
      expect(text).not.toContain(CLIENT_SECRET);
      expect(text).not.toContain(WRONG_SECRET);
    }
  });
});
