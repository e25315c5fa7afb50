import { describe, expect, it } from "vitest";
import type { Connector } from "../contract.ts";
import { authOf, draftOf, emptyDraft, inputOf, parseHeaders, secretIsSet, targetOf } from "./connector-draft.ts";

const connector = (kind: Connector["kind"], config: Record<string, unknown>): Connector => ({
  id: "con_1",
  name: "erp",
  kind,
  description: null,
  config,
  action_kinds: [],
  created_at: "2026-12-01T00:00:00.000Z",
  updated_at: "2026-12-01T00:00:00.000Z",
});

const erp = connector("rest", {
  base_url: "https://erp.example.test",
  auth: { type: "bearer", token: "••••abcd" },
  timeout_ms: 2000,
  headers: { "X-Company": "01" },
  endpoints: { "sales_order.create": { method: "POST", path: "/orders" } },
});

const configOf = (result: ReturnType<typeof inputOf>) => {
  if (!result.ok) throw new Error(result.message);
  return result.input.config as Record<string, unknown>;
};

describe("connector drafts", () => {
  it("sends the masked secret back when it is left empty, so the API keeps the stored one", () => {
    const draft = draftOf(erp);
    expect(secretIsSet(draft.rest.auth)).toBe(true);
    expect(draft.rest.auth.secret).toBe("");
    const config = configOf(inputOf(draft));
    expect(config.auth).toEqual({ type: "bearer", token: "••••abcd" });
    expect(config.headers).toEqual({ "X-Company": "01" });
    expect(config.endpoints).toEqual({ "sales_order.create": { method: "POST", path: "/orders" } });
  });

  it("sends a new secret when one is typed, and asks for one when the auth type changes", () => {
    const draft = draftOf(erp);
    expect(
      configOf(inputOf({ ...draft, rest: { ...draft.rest, auth: { ...draft.rest.auth, secret: "new-token" } } })).auth,
    ).toEqual({
      type: "bearer",
      token: "new-token",
    });
    const basic = { ...draft.rest.auth, type: "basic" as const, username: "crossdock" };
    expect(secretIsSet(basic)).toBe(false);
    expect(configOf(inputOf({ ...draft, rest: { ...draft.rest, auth: basic } })).auth).toEqual({
      type: "basic",
      username: "crossdock",
      password: "",
    });
  });

  it("edits OAuth2 client credentials: the client secret kept by its mask, empty optional fields left out", () => {
    const oauth = connector("rest", {
      ...erp.config,
      auth: {
        type: "oauth2_client_credentials",
        token_url: "https://login.example.test/oauth2/token",
        client_id: "crossdock",
        client_secret: "••••QRST",
        scope: "orders.write",
        auth_method: "client_secret_post",
      },
    });
    const draft = draftOf(oauth);
    expect(secretIsSet(draft.rest.auth)).toBe(true);
    expect(draft.rest.auth).toMatchObject({ tokenUrl: "https://login.example.test/oauth2/token", clientId: "crossdock" });
    expect(configOf(inputOf(draft)).auth).toEqual(oauth.config.auth);
    expect(authOf(oauth)).toBe("OAuth2");
    const cleared = { ...draft.rest.auth, scope: " ", authMethod: "client_secret_basic" as const, secret: "new-secret" };
    expect(configOf(inputOf({ ...draft, rest: { ...draft.rest, auth: cleared } })).auth).toEqual({
      type: "oauth2_client_credentials",
      token_url: "https://login.example.test/oauth2/token",
      client_id: "crossdock",
      client_secret: "new-secret",
      auth_method: "client_secret_basic",
    });
    // From a bearer token to OAuth2, the stored token is no client secret: a new one is asked for.
    const switched = { ...draftOf(erp).rest.auth, type: "oauth2_client_credentials" as const, clientId: "crossdock" };
    expect(secretIsSet(switched)).toBe(false);
    expect(configOf(inputOf({ ...draft, rest: { ...draft.rest, auth: switched } })).auth).toMatchObject({ client_secret: "" });
  });

  it("refuses endpoints that are not JSON, at their field", () => {
    const draft = draftOf(erp);
    expect(inputOf({ ...draft, rest: { ...draft.rest, endpoints: "{ nope" } })).toMatchObject({
      ok: false,
      path: "config.endpoints",
    });
  });

  it("keeps the EDI settings the form does not show", () => {
    const edi = connector("edi", {
      sender: { qualifier: "ZZ", id: "ACME" },
      receiver: { qualifier: "01", id: "123456789" },
      element_separator: "|",
      segment_terminator: "~",
      component_separator: ">",
      usage: "T",
      delivery: { type: "folder", path: "partner/out" },
    });
    const config = configOf(inputOf(draftOf(edi)));
    expect(config).toMatchObject({ element_separator: "|", usage: "T", delivery: { type: "folder", path: "partner/out" } });
    expect(targetOf(edi)).toBe("ACME → 123456789 · outbox partner/out");
  });

  it("reads headers a line each and makes an email connector with or without a sender name", () => {
    expect(parseHeaders("X-A: 1\n\nX-B:two: parts\n")).toEqual({ "X-A": "1", "X-B": "two: parts" });
    const email = emptyDraft("email");
    expect(inputOf({ ...email, name: "mail" })).toEqual({ ok: true, input: { name: "mail", kind: "email", config: {} } });
  });
});
