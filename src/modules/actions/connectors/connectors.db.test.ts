import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withSystem } from "../../../platform/db/tenant-scope.ts";
import { createKeyring } from "../../../platform/secret-key.ts";
import type { ConnectorInput } from "../contract/index.ts";
import { type ActionsFixture, createActionsFixture } from "../testing/fixture.ts";

const TOKEN = "sk_live_erp_0123456789_WXYZ";
const rest = (overrides: Record<string, unknown> = {}): ConnectorInput =>
  ({
    name: "erp",
    kind: "rest",
    description: "Harbor's ERP order API",
    config: {
      base_url: "https://erp.harbor.example/api",
      auth: { type: "bearer", token: TOKEN },
      endpoints: { "sales_order.create": { method: "POST", path: "/orders" } },
      ...overrides,
    },
  }) as ConnectorInput;

describe("connectors", () => {
  let f: ActionsFixture;
  const it_ = () => f.person("usr_it", "it@harbor.example");

  beforeAll(async () => {
    f = await createActionsFixture();
  });
  afterAll(() => f.close());

  it("stores secrets encrypted, shows them masked, and audits without them", async () => {
    const created = await f.actions.connectors.create(it_(), rest());
    expect(created).toMatchObject({
      name: "erp",
      kind: "rest",
      description: "Harbor's ERP order API",
      action_kinds: ["sales_order.create"],
      config: { auth: { type: "bearer", token: "••••WXYZ" }, timeout_ms: 10_000, headers: {} },
    });
    expect(await f.actions.connectors.get(f.tenant.id, "erp")).toEqual(created);
    expect(await f.actions.connectors.get(f.tenant.id, created.id)).toEqual(created);
    const stored = await withSystem(f.db, (tx) =>
      tx.execute(sql`select config::text, secrets::text from actions.connectors where id = ${created.id}`),
    );
    const raw = JSON.stringify(stored.rows);
    expect(raw).not.toContain(TOKEN);
    expect(raw).toContain("v1.");
    expect(JSON.stringify(await f.auditOf(created.id))).not.toContain(TOKEN);
  });

  it("keeps a stored secret when its masked value is sent back, and replaces it when a new one is", async () => {
    const current = await f.actions.connectors.get(f.tenant.id, "erp");
    const kept = await f.actions.connectors.update(it_(), "erp", rest({ auth: current.config.auth, timeout_ms: 2_000 }));
    expect(kept.config).toMatchObject({ auth: { token: "••••WXYZ" }, timeout_ms: 2_000 });
    const replaced = await f.actions.connectors.update(
      it_(),
      "erp",
      rest({ auth: { type: "header", name: "X-Api-Key", value: "short" } }),
    );
    // A short secret shows no characters at all.
    expect(replaced.config).toMatchObject({ auth: { type: "header", name: "X-Api-Key", value: "••••" } });
    await expect(
      f.actions.connectors.update(it_(), "erp", rest({ auth: { type: "basic", username: "u", password: "••••WXYZ" } })),
    ).rejects.toMatchObject({ status: 422, details: [expect.objectContaining({ path: "config.auth.password" })] });
    const [entry] = await f.auditOf(replaced.id);
    expect(entry).toMatchObject({ action: "connector.updated", data: { after: { config: { auth: { value: "••••" } } } } });
    await f.actions.connectors.update(it_(), "erp", rest());
  });

  it("refuses a bad config with each field named, a taken name (409), and a change of kind", async () => {
    const refused = await f.actions.connectors
      .create(
        it_(),
        rest({ base_url: "ftp://erp", timeout_ms: 5, endpoints: { "sales_order.delete": { method: "POST", path: "orders" } } }),
      )
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 422 });
    expect((refused as { details: { path: string }[] }).details.map((detail) => detail.path).sort()).toEqual([
      "config.base_url",
      "config.endpoints.sales_order.delete",
      "config.timeout_ms",
    ]);
    await expect(f.actions.connectors.create(it_(), { name: "Bad Name!", kind: "email" })).rejects.toMatchObject({
      status: 422,
      details: [expect.objectContaining({ path: "name" })],
    });
    await expect(
      f.actions.connectors.create(it_(), { name: "ftp", kind: "sftp", config: {} } as unknown as ConnectorInput),
    ).rejects.toMatchObject({
      status: 422,
      details: [expect.objectContaining({ path: "kind" })],
    });
    await expect(f.actions.connectors.create(it_(), rest())).rejects.toMatchObject({
      status: 409,
      details: [{ path: "name", message: "already taken" }],
    });
    await expect(f.actions.connectors.update(it_(), "erp", { name: "erp", kind: "email" })).rejects.toMatchObject({
      status: 422,
    });
  });

  it("removes a connector from use but keeps it for the actions that went through it, and frees its name", async () => {
    const mail = await f.actions.connectors.create(it_(), { name: "mail", kind: "email" });
    await f.actions.connectors.remove(it_(), "mail");
    await expect(f.actions.connectors.get(f.tenant.id, "mail")).rejects.toMatchObject({ status: 404 });
    expect((await f.actions.connectors.list(f.tenant.id)).map((connector) => connector.name)).toEqual(["erp"]);
    const again = await f.actions.connectors.create(it_(), { name: "mail", kind: "email" });
    expect(again.id).not.toBe(mail.id);
    expect((await f.auditOf(mail.id)).map((entry) => entry.action)).toEqual(["connector.deleted", "connector.created"]);
  });

  it("keeps each tenant's connectors to itself", async () => {
    expect(await f.actions.connectors.list(f.other.id)).toEqual([]);
    await expect(f.actions.connectors.get(f.other.id, "erp")).rejects.toMatchObject({ status: 404 });
  });
});

describe("the key secrets are sealed with", () => {
  it("is CROSSDOCK_SECRET_KEY when set", async () => {
    const key = Buffer.alloc(32, 7);
    const keyring = createKeyring({ secretKey: key.toString("base64"), dataDir: "/nonexistent", databaseKind: "postgres" });
    expect(await keyring.key()).toEqual(key);
  });

  it("is refused on a PostgreSQL server without CROSSDOCK_SECRET_KEY, saying what to set", async () => {
    const keyring = createKeyring({ dataDir: "/nonexistent", databaseKind: "postgres" });
    await expect(keyring.key()).rejects.toMatchObject({
      code: "config_invalid",
      message: expect.stringContaining("CROSSDOCK_SECRET_KEY"),
    });
  });

  it("is made on first use in the embedded database's data directory, readable by its owner only, and kept", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "crossdock-key-"));
    try {
      const first = await createKeyring({ dataDir, databaseKind: "pglite" }).key();
      expect(first).toHaveLength(32);
      expect(((await stat(path.join(dataDir, "secret-key"))).mode & 0o777).toString(8)).toBe("600");
      expect(await createKeyring({ dataDir, databaseKind: "pglite" }).key()).toEqual(first);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
