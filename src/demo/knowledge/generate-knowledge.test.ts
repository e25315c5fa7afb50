import { afterEach, describe, expect, it, vi } from "vitest";
import { generateWorld } from "../generate-world.ts";
import { Random } from "../random.ts";
import { DOCUMENT_KINDS } from "./document.ts";
import { generateKnowledge } from "./generate-knowledge.ts";
import { fixtureWorld } from "./testing/fixture-world.ts";
import { generateForTest } from "./testing/generated.ts";

const bytes = (content: Buffer | string) => (typeof content === "string" ? Buffer.from(content) : content);

describe("generateKnowledge", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("gives the same bytes for the same world and seed, even on another day", () => {
    vi.useFakeTimers({ now: new Date("2030-01-01T00:00:00Z"), toFake: ["Date"] });
    const first = generateKnowledge(fixtureWorld(), new Random(7).fork("knowledge"));
    vi.setSystemTime(new Date("2031-06-15T12:34:56Z"));
    const second = generateKnowledge(fixtureWorld(), new Random(7).fork("knowledge"));
    expect(second.map((file) => file.path)).toEqual(first.map((file) => file.path));
    first.forEach((file, index) => {
      expect(bytes(second[index]?.content ?? "").equals(bytes(file.content)), file.path).toBe(true);
    });
  });

  it("gives different documents and questions for a different seed", () => {
    const one = generateForTest(fixtureWorld(), 1);
    const two = generateForTest(fixtureWorld(), 2);
    const contract = one.manifest.documents.find((document) => document.kind === "customer_contract")?.path ?? "";
    expect(two.text(contract)).not.toEqual(one.text(contract));
    expect(two.questions.map((question) => question.question)).not.toEqual(one.questions.map((question) => question.question));
  });

  it("writes PDFs that are whole files: a %PDF- header and an %%EOF trailer", () => {
    const { files } = generateForTest(fixtureWorld());
    const pdfs = files.filter((file) => file.path.endsWith(".pdf"));
    expect(pdfs.length).toBeGreaterThanOrEqual(6);
    for (const pdf of pdfs) {
      const content = bytes(pdf.content);
      expect(content.subarray(0, 5).toString("latin1"), pdf.path).toBe("%PDF-");
      expect(content.subarray(-6).toString("latin1").trimEnd(), pdf.path).toBe("%%EOF");
    }
  });

  it("lists every document in the manifest, with its renditions written beside it", () => {
    const { files, manifest } = generateForTest(fixtureWorld());
    const paths = new Set(files.map((file) => file.path));
    const listed = manifest.documents.flatMap((document) => [document.path, ...document.renditions]);
    expect(new Set(listed)).toEqual(new Set([...paths].filter((path) => !path.endsWith(".json"))));
    expect(new Set(manifest.documents.map((document) => document.kind))).toEqual(new Set(DOCUMENT_KINDS));
    for (const path of paths) expect(path.startsWith("knowledge/"), path).toBe(true);
    const acme = manifest.documents.find((document) => document.related.customer?.includes("CUST-101"));
    expect(acme?.related.price_agreement).toEqual(["CPA-5001-3", "CPA-5001-5", "CPA-5001-1", "CPA-5001-2"]);
  });

  it("documents the small demo world quickly, with about 40 questions of every kind", () => {
    const world = generateWorld({ scale: "small", seed: 1 });
    const started = performance.now();
    const knowledge = generateForTest(world);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(knowledge.questions.length).toBe(40);
    expect(new Set(knowledge.questions.map((question) => question.kind))).toEqual(new Set(["fact", "multi_hop", "unanswerable"]));
    const contracts = knowledge.manifest.documents.filter((document) => document.kind === "customer_contract");
    for (const key of world.truth.keyAccounts.slice(0, 4)) {
      expect(
        contracts.some((document) => document.related.customer?.includes(key)),
        key,
      ).toBe(true);
    }
  });
});
