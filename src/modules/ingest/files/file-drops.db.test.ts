import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { usingServer } from "../../../platform/testing/test-database.ts";
import type { Records } from "../../records/index.ts";
import type { FileDrop } from "../contract/index.ts";
import { CHUNK, createFilesFixture, type FilesFixture, ITEM_HEADER, ITEM_MAPPING } from "./testing/fixture.ts";
import { type SftpTestServer, startSftpTestServer } from "./testing/sftp-test-server.ts";

const HARBOR = "ten_harbor";

/** An item master of `count` rows; every `badEvery`-th row has a price that is not a number. */
function itemMaster(count: number, options: { badEvery?: number; start?: number } = {}): string {
  const lines = [ITEM_HEADER];
  for (let n = 1; n <= count; n++) {
    const price = options.badEvery && n % options.badEvery === 0 ? "n/a" : `${(n % 500) + 0.25}`;
    lines.push(`SKU-${(options.start ?? 0) + n},Item ${n},ea,${price},USD`);
  }
  return `${lines.join("\n")}\n`;
}

describe(`file drops: imports that stop, processes that race, SFTP, random bytes (${usingServer() ? "PostgreSQL server" : "PGlite"})`, () => {
  let f: FilesFixture;
  beforeAll(async () => {
    f = await createFilesFixture();
  });
  afterAll(() => f?.close());

  let drops = 0;
  const newDrop = (overrides: Record<string, unknown> = {}) =>
    f.files.create(f.ctx(HARBOR), {
      name: `items-${++drops}`,
      system: "erp",
      source_system: `erp-${drops}`,
      mapping: ITEM_MAPPING,
      format: { type: "csv" },
      location: { type: "folder" },
      settle_seconds: 0,
      ...overrides,
    } as never);
  const importsOf = async (drop: FileDrop) => (await f.files.imports.list(HARBOR, { drop: drop.id, limit: 50 })).data;
  const count = async (statement: ReturnType<typeof sql>) => Number((await f.query<{ n: string }>(HARBOR, statement))[0]?.n ?? 0);

  it("resumes a file whose import stopped mid-way after a chunk was written but not committed: every row once, no row lost", async () => {
    const drop = await newDrop();
    // A process that dies after writing the second chunk's records, before committing its progress:
    // it hangs there, holding its lease, until the test lets it go on (and find its lease taken).
    let calls = 0;
    let died: () => void = () => undefined;
    const dead = new Promise<void>((resolve) => {
      died = resolve;
    });
    let wake: () => void = () => undefined;
    const frozen = new Promise<void>((resolve) => {
      wake = resolve;
    });
    f.writeThrough({
      ...f.records,
      async upsert(...args: Parameters<Records["upsert"]>) {
        const result = await f.records.upsert(...args);
        if (++calls === 2) {
          died();
          await frozen;
        }
        return result;
      },
    } as Records);
    const crashing = f.another();
    crashing.start();
    await writeFile(path.join(f.folderOf(drop, HARBOR), "items.csv"), itemMaster(3_000, { badEvery: 250 }));
    void crashing.scanAll().catch(() => undefined);
    await dead;
    f.writeThrough(f.records);
    const [stopped] = await importsOf(drop);
    expect(stopped).toMatchObject({ status: "running", rows: CHUNK, rejected: 2 });
    // Its lease runs out, as a dead process's does.
    await f.query(
      HARBOR,
      sql`update ingest.file_imports set leased_until = now() - interval '1 second' where id = ${stopped?.id}`,
    );

    f.files.start();
    await f.files.scanAll();
    const [done] = await importsOf(drop);
    expect(done).toMatchObject({ status: "processed", rows: 3_000, rejected: 12, attempts: 2, moved_to: "processed/items.csv" });
    // The chunk written before the crash is found unchanged when it is done again.
    expect(done?.unchanged).toBe(CHUNK - 2);
    expect((done?.inserted ?? 0) + (done?.unchanged ?? 0)).toBe(2_988);
    expect(await count(sql`select count(*) as n from records.items where source_system = ${drop.source_system}`)).toBe(2_988);
    expect(await count(sql`select count(*) as n from ingest.receipts where source_id = ${drop.id}`)).toBe(12);
    expect(done?.report?.problems.map((problem) => problem.line)).toEqual(
      Array.from({ length: 12 }, (_, index) => (index + 1) * 250 + 1),
    );
    // The process that froze comes back: its lease is gone, so it commits nothing more.
    wake();
    await crashing.stop();
    expect(await importsOf(drop)).toEqual([done]);
    expect(await count(sql`select count(*) as n from ingest.receipts where source_id = ${drop.id}`)).toBe(12);
  });

  it("imports a file once when two processes find it at the same moment", async () => {
    f.files.start();
    const drop = await newDrop();
    const other = f.another();
    try {
      other.start();
      await writeFile(path.join(f.folderOf(drop, HARBOR), "items.csv"), itemMaster(3_000));
      await Promise.all([f.files.scanAll(), other.scanAll()]);
      await Promise.all([f.files.scanAll(), other.scanAll()]);
      const imports = await importsOf(drop);
      expect(imports).toHaveLength(1);
      expect(imports[0]).toMatchObject({ status: "processed", rows: 3_000, inserted: 3_000, unchanged: 0, duplicates: 0 });
      expect(await readdir(path.join(f.folderOf(drop, HARBOR), "processed"))).toEqual(["items.csv", "items.csv.report.json"]);
    } finally {
      await other.stop();
    }
  });

  describe("from an SFTP server", () => {
    let server: SftpTestServer;
    let remote: string;
    beforeAll(async () => {
      f.files.start();
      remote = path.join(f.root, "sftp-home");
      for (const folder of ["exports", "keyed"]) await mkdir(path.join(remote, folder), { recursive: true });
      server = await startSftpTestServer(remote);
    });
    afterAll(() => server?.close());

    const sftpDrop = (location: Record<string, unknown> = {}) =>
      newDrop({
        location: {
          type: "sftp",
          host: server.host,
          port: server.port,
          username: server.username,
          password: server.password,
          folder: "exports",
          host_fingerprint: server.fingerprint,
          ...location,
        },
      });

    it("downloads a dropped file, imports it, and moves it to processed/ on the server with its report", async () => {
      const drop = await sftpDrop();
      expect(drop.location).toMatchObject({ type: "sftp", auth: "password", host_fingerprint: server.fingerprint });
      expect(JSON.stringify(drop)).not.toContain(server.password);
      await writeFile(path.join(remote, "exports", "items.csv"), itemMaster(40, { badEvery: 20 }));
      await writeFile(path.join(remote, "exports", "items-next.csv.part"), itemMaster(5));
      await f.files.scanAll();
      const [imported] = await importsOf(drop);
      expect(imported).toMatchObject({ origin: "sftp", status: "processed", rows: 40, inserted: 38, rejected: 2 });
      expect((await readdir(path.join(remote, "exports"))).sort()).toEqual(["items-next.csv.part", "processed"]);
      const report = JSON.parse(await readFile(path.join(remote, "exports", "processed", "items.csv.report.json"), "utf8"));
      expect(report).toMatchObject({ status: "processed", rows: 40, rejected: 2 });
      expect(report.problems.map((problem: { line: number }) => problem.line)).toEqual([21, 41]);
    });

    it("signs in with a private key, and puts a file uploaded through the API on the server", async () => {
      const drop = await sftpDrop({ password: undefined, private_key: server.privateKey, folder: "keyed" });
      expect(drop.location).toMatchObject({ auth: "private_key" });
      const uploaded = await f.files.upload(f.ctx(HARBOR), drop.id, "upload.csv", Readable.from([itemMaster(3, { start: 900 })]));
      expect(uploaded.duplicate).toBe(false);
      await f.files.scanAll();
      const done = await f.files.imports.get(HARBOR, uploaded.import.id);
      expect(done).toMatchObject({ status: "processed", inserted: 3, moved_to: "processed/upload.csv" });
    });

    it("says why it cannot list a server whose host key is not the one expected, or that refuses the password", async () => {
      const spoofed = await sftpDrop({ host_fingerprint: `SHA256:${"A".repeat(43)}` });
      const refused = await sftpDrop({ password: "wrong" });
      await f.files.scanAll();
      expect((await f.files.get(HARBOR, spoofed.id)).health.scan_error).toMatch(/host key is SHA256:.*not the SHA256:AAAA/);
      expect((await f.files.get(HARBOR, refused.id)).health.scan_error).toMatch(/authentication/i);
      await f.files.update(f.ctx(HARBOR), spoofed.id, { status: "paused" });
      await f.files.update(f.ctx(HARBOR), refused.id, { status: "paused" });
    });
  });

  it("never crashes or hangs on random bytes dropped as a CSV: each file is processed or failed, every row accounted for", async () => {
    f.files.start();
    const drop = await newDrop({ name: "random" });
    const folder = f.folderOf(drop, HARBOR);
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 3_000 }),
      // Text made of what CSV parsing turns on: quotes, delimiters, line breaks, a BOM, NUL.
      fc
        .array(fc.constantFrom('"', ",", ";", "\n", "\r", "\uFEFF", "\u0000", "a", "Item No", "1.5", " ", "\\"), {
          maxLength: 400,
        })
        .map((parts) => new TextEncoder().encode(parts.join(""))),
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(bytes, async (content) => {
        const name = `random-${++n}.csv`;
        await writeFile(path.join(folder, name), content);
        await f.files.scanAll();
        const imports = await importsOf(drop);
        const found = imports.find((each) => each.file_name === name);
        if (!found) {
          // The same bytes as an earlier run (empty, most likely): a duplicate, moved away.
          expect(await readdir(folder)).not.toContain(name);
          return;
        }
        expect(["processed", "failed"]).toContain(found.status);
        // Every row read is written (one item each), skipped, or kept in quarantine: none lost.
        expect(found.rows).toBe(found.inserted + found.updated + found.unchanged + found.rejected + found.skipped);
        const held = await count(
          sql`select count(*) as n from ingest.receipts where source_id = ${drop.id} and delivery_id like ${`${found.sha256}:%`}`,
        );
        expect(held).toBe(found.rejected);
        expect(await readdir(folder)).not.toContain(name);
      }),
      { numRuns: usingServer() ? 30 : 40, interruptAfterTimeLimit: 60_000 },
    );
  }, 120_000);
});
