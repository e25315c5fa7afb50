import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTargetServer, type TargetServer } from "../../../../platform/testing/http-target-server.ts";
import { PermanentActionError, RetryableActionError } from "../../errors.ts";
import { createTokenCache, type OAuth2Auth } from "./oauth2.ts";

const SECRET = "s3cret~with spaces&symbols/0123456789";

describe("OAuth2 client-credentials tokens", () => {
  let idp: TargetServer;
  let issued = 0;
  const auth = (overrides: Partial<OAuth2Auth> = {}): OAuth2Auth => ({
    type: "oauth2_client_credentials",
    token_url: `${idp.url}/oauth/token`,
    client_id: "crossdock app",
    client_secret: SECRET,
    auth_method: "client_secret_basic",
    ...overrides,
  });
  const form = (index: number) => Object.fromEntries(new URLSearchParams(idp.received[index]?.body ?? ""));
  const tokenAnswer = (expiresIn: unknown = 3600) => {
    issued += 1;
    return { status: 200, body: { access_token: `tok-${issued}`, token_type: "Bearer", expires_in: expiresIn } };
  };

  beforeAll(async () => {
    idp = await startTargetServer({ handle: () => tokenAnswer() });
  });
  afterAll(() => idp.close());

  it("asks with the client id and secret in a Basic header, form-encoded first (RFC 6749 §2.3.1), and keeps the token", async () => {
    const tokens = createTokenCache();
    const before = idp.received.length;
    const first = await tokens.token("con_1", auth({ scope: "api://erp/.default", audience: "https://erp" }), 1_000);
    expect(await tokens.token("con_1", auth({ scope: "api://erp/.default", audience: "https://erp" }), 1_000)).toBe(first);
    expect(idp.received.length).toBe(before + 1);
    const sent = idp.received[before];
    expect(sent).toMatchObject({ method: "POST", path: "/oauth/token" });
    expect(sent?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    const basic = Buffer.from(String(sent?.headers.authorization).replace(/^Basic /, ""), "base64").toString("utf8");
    const [id, secret] = basic.split(":").map((part) => decodeURIComponent(part.replace(/\+/g, " ")));
    expect([id, secret]).toEqual(["crossdock app", SECRET]);
    expect(form(before)).toEqual({ grant_type: "client_credentials", scope: "api://erp/.default", audience: "https://erp" });
  });

  it("sends the id and secret in the body with client_secret_post, and no Authorization header", async () => {
    const tokens = createTokenCache();
    const before = idp.received.length;
    await tokens.token("con_2", auth({ auth_method: "client_secret_post" }), 1_000);
    expect(idp.received[before]?.headers.authorization).toBeUndefined();
    expect(form(before)).toEqual({ grant_type: "client_credentials", client_id: "crossdock app", client_secret: SECRET });
  });

  it("fetches once for many asking at once, again when the token nears its end, and anew when the auth changes", async () => {
    let clock = 1_000_000;
    const tokens = createTokenCache({ now: () => clock });
    idp.answer(() => ({ ...tokenAnswer(100), delayMs: 50 }));
    const before = idp.received.length;
    const together = await Promise.all(Array.from({ length: 5 }, () => tokens.token("con_3", auth(), 1_000)));
    expect(new Set(together).size).toBe(1);
    expect(idp.received.length).toBe(before + 1);
    // 100 s of life, used until 10 s before its end.
    clock += 89_000;
    expect(await tokens.token("con_3", auth(), 1_000)).toBe(together[0]);
    clock += 2_000;
    const renewed = await tokens.token("con_3", auth(), 1_000);
    expect(renewed).not.toBe(together[0]);
    expect(await tokens.token("con_3", auth({ scope: "other" }), 1_000)).not.toBe(renewed);
    expect(idp.received.length).toBe(before + 3);
    idp.answer(() => tokenAnswer());
  });

  it("forgets a refused token, but not a newer one", async () => {
    const tokens = createTokenCache();
    const first = await tokens.token("con_4", auth(), 1_000);
    tokens.forget("con_4", auth(), first);
    const second = await tokens.token("con_4", auth(), 1_000);
    expect(second).not.toBe(first);
    tokens.forget("con_4", auth(), first);
    expect(await tokens.token("con_4", auth(), 1_000)).toBe(second);
  });

  it("treats a refusal as permanent, naming the endpoint's reason but never the secret", async () => {
    idp.answer(() => ({
      status: 401,
      body: { error: "invalid_client", error_description: `Client authentication failed for ${SECRET}` },
    }));
    const refused = await createTokenCache()
      .token("con_5", auth(), 1_000)
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PermanentActionError);
    expect(refused).toMatchObject({ code: "connector_refused", retryable: false, upstreamStatus: 401 });
    expect((refused as Error).message).toContain("invalid_client: Client authentication failed for ••••");
    expect((refused as Error).message).toContain("check client_id, client_secret and auth_method");
    expect((refused as Error).message).not.toContain(SECRET);
    idp.answer(() => tokenAnswer());
  });

  it("treats a 503, a timeout and an unreachable endpoint as retryable, and asks again next time", async () => {
    const tokens = createTokenCache();
    idp.answer(() => ({ status: 503, body: "down for maintenance", headers: { "retry-after": "5" } }));
    await expect(tokens.token("con_6", auth(), 1_000)).rejects.toMatchObject({
      code: "connector_unavailable",
      retryable: true,
      upstreamStatus: 503,
      retryAfterMs: 5_000,
      message: expect.stringContaining("answered 503 down for maintenance"),
    });
    idp.answer(() => ({ ...tokenAnswer(), delayMs: 300 }));
    await expect(tokens.token("con_6", auth(), 100)).rejects.toBeInstanceOf(RetryableActionError);
    await expect(tokens.token("con_6", auth({ token_url: "http://127.0.0.1:1/token" }), 1_000)).rejects.toMatchObject({
      retryable: true,
      message: expect.stringContaining("could not be reached"),
    });
    idp.answer(() => tokenAnswer());
    expect(await tokens.token("con_6", auth(), 1_000)).toMatch(/^tok-/);
  });

  it("refuses an answer without a bearer token as a misconfiguration", async () => {
    idp.answer(() => ({ status: 200, body: "<html>sign in</html>" }));
    await expect(createTokenCache().token("con_7", auth(), 1_000)).rejects.toMatchObject({
      code: "connector_misconfigured",
      message: expect.stringContaining("without an access_token"),
    });
    idp.answer(() => ({ status: 200, body: { access_token: "x", token_type: "mac" } }));
    await expect(createTokenCache().token("con_7", auth(), 1_000)).rejects.toMatchObject({
      code: "connector_misconfigured",
      message: expect.stringContaining("only bearer tokens"),
    });
    idp.answer(() => tokenAnswer());
  });
});
