import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { demoFiles, generateDemo, writeDemoFiles } from "./index.ts";
import type { DemoFile } from "./world.ts";

const digest = (files: DemoFile[]) => {
  const hash = createHash("sha256");
  for (const file of files) hash.update(file.path).update(file.content);
  return hash.digest("hex");
};

describe("the demo as files", () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it("are the same bytes for the same seed", () => {
    const first = generateDemo({ scale: "small", seed: 11 });
    const again = demoFiles(generateDemo({ scale: "small", seed: 11 }).world);
    expect(digest(again)).toBe(digest(first.files));
    expect(digest(generateDemo({ scale: "small", seed: 12 }).files)).not.toBe(digest(first.files));
  });

  it("hold every record type as JSONL, flat ones also as CSV, and the ground truth", async () => {
    const { world, files } = generateDemo({ scale: "small", seed: 11 });
    const dir = await mkdtemp(path.join(tmpdir(), "crossdock-demo-"));
    dirs.push(dir);
    await writeDemoFiles(dir, files);
    const written = await readdir(path.join(dir, "records"));
    expect(written).toEqual(
      expect.arrayContaining(["items.jsonl", "sales-orders.jsonl", "customers.csv", "inventory-movements.csv"]),
    );
    const orders = (await readFile(path.join(dir, "records", "sales-orders.jsonl"), "utf8")).trim().split("\n");
    expect(orders).toHaveLength(world.records.sales_order.length);
    expect(JSON.parse(orders[0] as string)).toEqual(world.records.sales_order[0]);
    const customers = (await readFile(path.join(dir, "records", "customers.csv"), "utf8")).trim().split("\n");
    expect(customers[0]?.startsWith("source_system,external_id,account_number,name")).toBe(true);
    expect(customers).toHaveLength(world.records.customer.length + 1);
    const late = JSON.parse(await readFile(path.join(dir, "truth", "late-shipments.json"), "utf8"));
    expect(late).toEqual(world.truth.lateShipments);
    const demand = (await readFile(path.join(dir, "truth", "demand.jsonl"), "utf8")).trim().split("\n");
    expect(demand).toHaveLength(world.truth.demand.length);
  });

  it("are never written outside the chosen directory", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "crossdock-demo-"));
    dirs.push(dir);
    await expect(writeDemoFiles(dir, [{ path: "../escaped.txt", content: "x" }])).rejects.toThrow(/refusing to write outside/);
  });
});
