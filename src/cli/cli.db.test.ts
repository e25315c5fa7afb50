import { spawn, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS } from "../main.ts";
import { ROLE_NAMES } from "../modules/governance/index.ts";
import type { Database } from "../platform/db/database.ts";
import { openPglite } from "../platform/db/pglite.ts";
import { createTestDatabase, type TestDatabase } from "../platform/testing/test-database.ts";

const BIN = path.join(import.meta.dirname, "..", "..", "bin", "crossdock.mjs");

/** The CLI as a user runs it: a separate process, on a data directory or a PostgreSQL server. */
describe("crossdock CLI", { timeout: 180_000 }, () => {
  let dataDir: string;
  let server: TestDatabase | undefined;
  let env: Record<string, string>;

  const run = (args: string[], input?: string) => {
    const result = spawnSync(process.execPath, [BIN, ...args], {
      env: { ...process.env, ...env },
      input,
      encoding: "utf8",
      timeout: 60_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const json = (args: string[], input?: string) => {
    const result = run([...args, "--json"], input);
    if (result.status !== 0) throw new Error(`crossdock ${args.join(" ")} failed: ${result.stderr}`);
    return JSON.parse(result.stdout);
  };

  /** Alters an audit row behind Crossdock's back, as someone with database access could. */
  async function tamper(statement: string) {
    const db: Database = server ? server.db : await openPglite(path.join(dataDir, "pg"));
    try {
      await db.pool.query("alter table governance.audit_entries disable trigger audit_entries_append_only");
      await db.pool.query(statement);
      await db.pool.query("alter table governance.audit_entries enable trigger audit_entries_append_only");
    } finally {
      if (!server) await db.close();
    }
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "crossdock-cli-"));
    env = { CROSSDOCK_DATA_DIR: dataDir, LOG_LEVEL: "silent" };
    if (process.env.DATABASE_URL) {
      server = await createTestDatabase(MIGRATIONS);
      env.DATABASE_URL = server.url as string;
    }
  });
  afterAll(async () => {
    await server?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("prints help for every command", () => {
    for (const command of [
      [],
      ["start"],
      ["migrate"],
      ["tenants", "create"],
      ["users", "create"],
      ["api-keys", "create"],
      ["api-keys", "revoke"],
      ["audit", "verify"],
      ["partners", "create"],
      ["demo"],
      ["demo", "generate"],
    ]) {
      const result = run([...command, "--help"]);
      expect(result.status, command.join(" ")).toBe(0);
      expect(result.stdout).toMatch(/Usage: crossdock/);
    }
    // users create names every role there is.
    const usersHelp = run(["users", "create", "--help"]).stdout.replace(/\s+/g, " ");
    for (const role of ROLE_NAMES) expect(usersHelp).toContain(role);
  });

  it("writes the demo business as files, the same bytes for the same seed, and refuses a bad scale", async () => {
    const out = (n: number) => path.join(dataDir, `demo-${n}`);
    for (const n of [1, 2]) {
      const result = run(["demo", "generate", "--scale", "small", "--seed", "5", "--out", out(n)]);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/^Wrote \d+ files .* records of Harbor Industrial Supply/);
    }
    const [first, second] = await Promise.all(
      [1, 2].map(async (n) => readFile(path.join(out(n), "records", "sales-orders.jsonl"), "utf8")),
    );
    expect(first).toBe(second);
    const bad = run(["demo", "generate", "--scale", "huge", "--out", out(3)]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/--scale must be small, medium or large/);
  });

  it("migrates, and a second run has nothing to do", () => {
    run(["migrate"]);
    const second = run(["migrate"]);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/0 applied, \d+ already applied/);
  });

  it("sets up a tenant, a user and a scoped key, and revokes the key", () => {
    const tenant = json(["tenants", "create", "--name", "Acme Industrial Supply", "--slug", "acme"]);
    expect(tenant).toMatchObject({ slug: "acme", status: "active", id: expect.stringMatching(/^ten_/) });
    const user = json(
      ["users", "create", "--tenant", "acme", "--email", "ops@acme.test", "--roles", "operations_manager", "--password-stdin"],
      "a long enough password\n",
    );
    expect(user).toMatchObject({ email: "ops@acme.test", roles: ["operations_manager"] });
    const key = json(["api-keys", "create", "--tenant", "acme", "--name", "erp", "--scopes", "records:read,records:write"]);
    expect(key.secret).toMatch(/^cdk_key_/);
    const listed = json(["api-keys", "list", "--tenant", "acme"]);
    expect(listed.map((k: { id: string }) => k.id)).toContain(key.id);
    expect(JSON.stringify(listed)).not.toContain(key.secret);
    expect(json(["api-keys", "revoke", key.id, "--tenant", "acme"]).revoked_at).not.toBeNull();

    const badScope = run(["api-keys", "create", "--tenant", "acme", "--name", "x", "--scopes", "records:fly"]);
    expect(badScope.status).toBe(1);
    expect(badScope.stderr).toMatch(/records:fly/);
    const noTenant = run(["users", "list", "--tenant", "nowhere"]);
    expect(noTenant.status).toBe(1);
    expect(noTenant.stderr).toMatch(/nowhere was not found/);
  });

  it("creates a partner and runs tenants under it", () => {
    const partner = json(["partners", "create", "--name", "Northwind ERP Services", "--slug", "northwind"]);
    expect(partner).toMatchObject({ slug: "northwind", id: expect.stringMatching(/^ptn_/) });
    expect(json(["partners", "list"]).map((p: { slug: string }) => p.slug)).toEqual(["northwind"]);
    const tenant = json(["tenants", "create", "--name", "Baxter Supply", "--slug", "baxter", "--partner", "northwind"]);
    expect(tenant.partner_id).toBe(partner.id);
    expect(json(["tenants", "list", "--partner", "northwind"]).map((t: { slug: string }) => t.slug)).toEqual(["baxter"]);
    const unknown = run(["tenants", "create", "--name", "X", "--slug", "xx", "--partner", "nobody"]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/Partner nobody was not found/);
  });

  it("verifies the audit trail, and names the first broken link after tampering", async () => {
    const ok = run(["audit", "verify", "--tenant", "acme"]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^ok: 4 entries, chain intact/);
    await tamper(
      `update governance.audit_entries set data = jsonb_set(data, '{after,roles}', '["admin"]') where action = 'user.created'`,
    );
    const broken = run(["audit", "verify", "--tenant", "acme"]);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toMatch(
      /^BROKEN: entry 2 \(aud_[0-9a-z]+\): its content was altered after it was written; 1 entries before it verify/,
    );
  });

  it("talks to a running server instead of opening its embedded database twice", async () => {
    if (server) return; // a PostgreSQL server is shared by every process; nothing to route around
    const child = spawn(process.execPath, [BIN, "start", "--port", "0"], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not ready: ${output}`)), 60_000);
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("Press Ctrl-C")) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    try {
      const tenants = json(["tenants", "list"]);
      expect(tenants.map((t: { slug: string }) => t.slug)).toEqual(["acme", "baxter"]);
      const migrate = run(["migrate"]);
      expect(migrate.status).toBe(1);
      expect(migrate.stderr).toMatch(/in use by Crossdock process \d+ at http/);
    } finally {
      const exit = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGINT");
      expect(await exit).toBe(0);
    }
    expect(output).toMatch(/Stopped\./);
  });
});
