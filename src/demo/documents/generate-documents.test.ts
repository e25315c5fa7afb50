import { loadImage } from "@napi-rs/canvas";
import { beforeAll, describe, expect, it } from "vitest";
import { Random } from "../random.ts";
import type { DemoFile } from "../world.ts";
import { generateDocuments } from "./index.ts";
import { interchangeProblems, pdfTextProblems, type ReadDocuments, readDocuments, truthProblems } from "./testing/checks.ts";
import { asBuffer, digests } from "./testing/files.ts";
import { fixtureWorld } from "./testing/fixture-world.ts";
import { pdfTextRuns } from "./testing/pdf-text.ts";

const world = fixtureWorld("small");
let files: DemoFile[];
let read: ReadDocuments;

beforeAll(() => {
  files = generateDocuments(world, new Random(1).fork("documents"));
  read = readDocuments(files);
});

describe("generateDocuments", () => {
  it("gives the same bytes for the same world and seed, and other bytes for another seed", () => {
    const again = generateDocuments(world, new Random(1).fork("documents"));
    expect(digests(again)).toEqual(digests(files));
    const other = digests(generateDocuments(world, new Random(2).fork("documents")));
    const same = Object.entries(digests(files)).filter(
      ([path, digest]) => other[path] === digest && !path.endsWith(".truth.json"),
    );
    expect(same.length).toBeLessThan(files.length / 4);
  });

  it("writes every file under documents/, once", () => {
    expect(files.every((file) => file.path.startsWith("documents/"))).toBe(true);
    expect(new Set(files.map((file) => file.path)).size).toBe(files.length);
  });

  it("puts a well-formed truth beside every document, and lists every document in the manifest", () => {
    expect(read.documents.length).toBeGreaterThan(30);
    expect(truthProblems(read)).toEqual([]);
  });

  it("prints in text PDFs every value their truth says is printed", () => {
    expect(read.truths.filter((truth) => truth.format === "pdf").length).toBeGreaterThan(15);
    expect(pdfTextProblems(read)).toEqual([]);
  });

  it("writes sound X12 interchanges whose elements are what the truth says", () => {
    expect(interchangeProblems(read)).toEqual([]);
  });

  it("writes scans as PNGs that decode at 150 dpi letter size, each with an image-only PDF twin", async () => {
    const scans = read.truths.filter((truth) => truth.format === "scan_png");
    expect(scans.length).toBeGreaterThan(0);
    for (const truth of scans) {
      const image = await loadImage(asBuffer(read.byPath.get(truth.path)?.content ?? ""));
      expect([image.width, image.height]).toEqual([1275, 1650]);
      expect([truth.scan?.width, truth.scan?.height]).toEqual([1275, 1650]);
      const twin = asBuffer(read.byPath.get(truth.companion ?? "")?.content ?? "");
      expect(twin.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(twin.subarray(-6).toString("latin1").trim()).toBe("%%EOF");
      expect(pdfTextRuns(twin)).toEqual([]);
    }
  });

  it("prints customer POs in at least five layouts, one of them running to several pages", () => {
    const purchaseOrders = read.truths.filter((truth) => truth.kind === "purchase_order");
    const layouts = new Set(purchaseOrders.filter((truth) => truth.format === "pdf").map((truth) => truth.layout));
    expect(layouts.size).toBeGreaterThanOrEqual(5);
    expect(purchaseOrders.some((truth) => truth.pages > 2 && truth.lines.length > 40)).toBe(true);
    expect(new Set(purchaseOrders.map((truth) => truth.format))).toEqual(new Set(["pdf", "scan_png", "scan_pdf", "edi_x12"]));
  });

  it("prints customer part numbers where the customer has one for the item", () => {
    const xrefs = new Set(
      world.records.item_xref
        .filter((xref) => xref.kind === "customer")
        .map((xref) => `${xref.customer_external_id}|${xref.item_external_id}`),
    );
    let checked = 0;
    for (const truth of read.truths.filter((candidate) => candidate.kind === "purchase_order")) {
      for (const line of truth.lines) {
        const key = `${truth.refs.customer_external_id}|${line.refs.item_external_id}`;
        if ("customer_part_number" in line.fields) expect(xrefs.has(key)).toBe(true);
        if (xrefs.has(key) && truth.layout !== "po-classic-serif") {
          expect(line.fields.customer_part_number, `${truth.path} line ${line.fields.line_number}`).toBeDefined();
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("includes every wrong invoice as a PDF showing what the invoice record holds", () => {
    for (const error of world.truth.invoiceErrors) {
      const truth = read.truths.find(
        (candidate) => candidate.source.external_id === error.invoiceExternalId && candidate.kind === "invoice",
      );
      const invoice = world.records.invoice.find((candidate) => candidate.external_id === error.invoiceExternalId);
      expect(truth?.format).toBe("pdf");
      expect(truth?.errors).toEqual([{ kind: error.kind, detail: error.detail }]);
      expect(Number(truth?.fields.total)).toBe(Number(invoice?.total_amount));
      expect(truth?.fields.invoice_number).toBe(invoice?.invoice_number);
    }
  });

  it("makes every kind of document, about as many as a small world should have", () => {
    expect(Object.keys(read.manifest.counts.byKind).sort()).toEqual(
      ["bill_of_lading", "invoice", "proof_of_delivery", "purchase_order", "rebate_claim", "ship_notice"].sort(),
    );
    expect(read.manifest.documents.length).toBeGreaterThanOrEqual(30);
    expect(read.manifest.documents.length).toBeLessThanOrEqual(60);
  });

  it("notes the damage the world recorded on the delivery receipt", () => {
    const damaged = world.records.service_case.find((serviceCase) => serviceCase.category === "damage")?.shipment_external_id;
    const receipt = read.truths.find((truth) => truth.kind === "proof_of_delivery" && truth.source.external_id === damaged);
    expect(receipt?.lines[0]?.fields.kind).toBe("damaged");
    expect(String(receipt?.fields.exceptions)).toMatch(/CARTONS? DAMAGED/);
  });
});
