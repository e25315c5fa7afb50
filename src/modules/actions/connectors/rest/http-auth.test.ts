import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTargetServer, type TargetServer } from "../../../../platform/testing/http-target-server.ts";
import { createHttpAuthorizer, sendAuthorized } from "./http-auth.ts";
import { createTokenCache } from "./oauth2.ts";

describe("sending with a connector's auth", () => {
  let idp: TargetServer;
  let erp: TargetServer;
  let issued = 0;
  const tokens = createTokenCache();
  const request = () => ({ method: "POST", url: `${erp.url}/orders`, headers: { "idempotency-key": "k-1" }, timeoutMs: 1_000 });
  const oauth2 = () =>
    createHttpAuthorizer(
      {
        type: "oauth2_client_credentials",
        token_url: `${idp.url}/token`,
        client_id: "crossdock",
        client_secret: "client-secret-0123456789",
        auth_method: "client_secret_basic",
      },
      { connectorId: "con_1", tokens, timeoutMs: 1_000 },
    );

  beforeAll(async () => {
    idp = await startTargetServer({
      handle: () => ({ status: 200, body: { access_token: `tok-${++issued}`, token_type: "bearer", expires_in: 3600 } }),
    });
    erp = await startTargetServer();
  });
  afterAll(async () => {
    await idp.close();
    await erp.close();
  });

  it("sends a static secret once, and leaves its 401 to the caller", async () => {
    erp.answer(() => ({ status: 401 }));
    const before = erp.received.length;
    const answer = await sendAuthorized(
      request(),
      createHttpAuthorizer(
        { type: "bearer", token: "t" },
        {
          connectorId: "con_0",
          tokens,
          timeoutMs: 1_000,
        },
      ),
    );
    expect(answer.status).toBe(401);
    expect(erp.received.length).toBe(before + 1);
    expect(erp.received[before]?.headers.authorization).toBe("Bearer t");
  });

  it("retries a refused token once with a fresh one and the same key; a second 401 stands", async () => {
    erp.answer((incoming) => ({ status: incoming.headers.authorization === "Bearer tok-1" ? 401 : 201 }));
    const before = erp.received.length;
    expect((await sendAuthorized(request(), oauth2())).status).toBe(201);
    expect(erp.received.slice(before).map((sent) => [sent.headers.authorization, sent.headers["idempotency-key"]])).toEqual([
      ["Bearer tok-1", "k-1"],
      ["Bearer tok-2", "k-1"],
    ]);
    erp.answer(() => ({ status: 401 }));
    expect((await sendAuthorized(request(), oauth2())).status).toBe(401);
    expect(erp.received.length).toBe(before + 4);
    expect(idp.received.length).toBe(3);
  });
});
