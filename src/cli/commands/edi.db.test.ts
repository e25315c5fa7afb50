import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../main.ts";
import { readTransactionSet, readX12 } from "../../modules/ingest/index.ts";
import { createTestDatabase, type TestDatabase } from "../../platform/testing/test-database.ts";

const BIN = path.join(import.meta.dirname, "..", "..", "..", "bin", "crossdock.mjs");
// A shared sample, read where it is (never copied into the repository).
const ORDER = path.resolve(import.meta.dirname, "../../../../shared/datasets/documents/edi-node-x12/850.edi");
const present = existsSync(ORDER);
if (!present)
  console.warn(`commands/edi.db.test.ts: ${ORDER} is absent (the shared EDI samples), so the CLI's EDI tests are skipped`);

/** `crossdock edi` as a user runs it: a separate process on a data directory (or the PostgreSQL server). */
describe.skipIf(!present)("crossdock edi", { timeout: 180_000 }, () => {
  let dir: string;
  let server: TestDatabase | undefined;
  let env: Record<string, string>;
  const run = (args: string[]) => {
    const result = spawnSync(process.execPath, [BIN, ...args], {
      env: { ...process.env, ...env },
      encoding: "utf8",
      timeout: 60_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "crossdock-cli-edi-"));
    env = { CROSSDOCK_DATA_DIR: path.join(dir, "data"), LOG_LEVEL: "silent" };
    if (process.env.DATABASE_URL) {
      server = await createTestDatabase(MIGRATIONS);
      env.DATABASE_URL = server.url as string;
    }
    expect(run(["tenants", "create", "--name", "Harbor", "--slug", "harbor"]).status).toBe(0);
    const added = run([
      "edi",
      "partners",
      "add",
      "--tenant",
      "harbor",
      "--name",
      "acme",
      "--their",
      "12:4405197800",
      "--ours",
      "01:999999999",
      "--customer",
      "CUS-XYZ",
    ]);
    expect(added.stderr).toBe("");
    expect(added.stdout).toMatch(/^added acme \(tp_\w+\); its records are kept under edi-acme/);
  });
  afterAll(async () => {
    await server?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  let orderId: string;

  it("receives a file, prints each set's outcome and the 997, and a second time says it is a duplicate", () => {
    const first = run(["edi", "receive", ORDER, "--tenant", "harbor", "--json"]);
    expect(first.status, first.stderr).toBe(0);
    const answer = JSON.parse(first.stdout);
    expect(answer).toMatchObject({ duplicate: false, control_number: "000003438", interchange: { status: "processed" } });
    expect(answer.acknowledgment_documents[0]).toMatchObject({
      transaction_set: "997",
      answers: { group_control_number: "1421", status: "A" },
    });
    orderId = answer.interchange.sets[0].records[0].id;

    const again = run(["edi", "receive", ORDER, "--tenant", "harbor", "--partner", "acme"]);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`^interchange 000003438 stored as ${answer.receipt_id} before: a duplicate`));
  });

  it("exits 2 for an interchange it quarantines, naming the segment and element, and 1 for one it cannot take", async () => {
    const text = (await readFile(ORDER, "latin1"))
      .replace(/000003438/g, "000003439")
      .replace("PO1*5*72*EA*7.5", "PO1*5*72*EA*7.5.0");
    await writeFile(path.join(dir, "broken.x12"), text, "latin1");
    const broken = run(["edi", "receive", path.join(dir, "broken.x12"), "--tenant", "harbor"]);
    expect(broken.status).toBe(2);
    expect(broken.stdout).toMatch(
      /850 000000010 {2}rejected\n {4}850 000000010 › PO1 #5 .* › PO104: sales_order\.lines\[4\]\.unit_price/,
    );
    expect(broken.stdout).toMatch(/997 000000002 \(R\)/);

    await writeFile(path.join(dir, "stranger.x12"), text.replace("*12*4405197800     *", "*ZZ*STRANGER       *"), "latin1");
    const stranger = run(["edi", "receive", path.join(dir, "stranger.x12"), "--tenant", "harbor"]);
    expect(stranger.status).toBe(1);
    expect(stranger.stderr).toMatch(/No trading partner sends as ZZ:STRANGER/);
  });

  it("writes an 855 from the sales order to a file its reader reads back", async () => {
    const out = path.join(dir, "855.x12");
    const sent = run([
      "edi",
      "send",
      "--tenant",
      "harbor",
      "--partner",
      "acme",
      "--set",
      "855",
      "--record",
      orderId,
      "--out",
      out,
    ]);
    expect(sent.status, sent.stderr).toBe(0);
    expect(sent.stdout).toMatch(/^855 000000003 \(edoc_\w+\): stored/);
    const read = readX12(await readFile(out));
    expect(read.diagnostics).toEqual([]);
    const set = read.interchanges[0]?.groups[0]?.sets[0];
    expect(readTransactionSet(set as never)).toMatchObject({ transaction: "855", po_number: "08292233294", line_count: 6 });

    const wrong = run(["edi", "send", "--tenant", "harbor", "--partner", "acme", "--set", "999", "--record", orderId]);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/--set must be 855, 856 or 810/);
  });
});
