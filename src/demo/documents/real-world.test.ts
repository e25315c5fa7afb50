import { beforeAll, describe, expect, it } from "vitest";
import { generateWorld } from "../generate-world.ts";
import { Random } from "../random.ts";
import type { DemoWorld } from "../world.ts";
import { generateDocuments } from "./index.ts";
import { interchangeProblems, pdfTextProblems, type ReadDocuments, readDocuments, truthProblems } from "./testing/checks.ts";

let world: DemoWorld;
let read: ReadDocuments;

beforeAll(() => {
  world = generateWorld({ scale: "small", seed: 1 });
  read = readDocuments(generateDocuments(world, new Random(world.seed).fork("documents")));
});

describe("documents of the small demo world", () => {
  it("are about forty, of every kind, with a truth each that the PDFs and interchanges bear out", () => {
    expect(read.documents.length).toBeGreaterThanOrEqual(30);
    expect(read.documents.length).toBeLessThanOrEqual(60);
    expect(Object.keys(read.manifest.counts.byKind)).toHaveLength(6);
    expect(truthProblems(read)).toEqual([]);
    expect(pdfTextProblems(read)).toEqual([]);
    expect(interchangeProblems(read)).toEqual([]);
  });

  it("include customer POs in six layouts, one of several pages, and wrong invoices of every kind", () => {
    const purchaseOrders = read.truths.filter((truth) => truth.kind === "purchase_order" && truth.format === "pdf");
    expect(new Set(purchaseOrders.map((truth) => truth.layout)).size).toBe(6);
    expect(purchaseOrders.some((truth) => truth.pages > 1)).toBe(true);
    const kinds = new Set(read.truths.flatMap((truth) => truth.errors ?? []).map((error) => error.kind));
    expect(kinds).toEqual(new Set(world.truth.invoiceErrors.map((error) => error.kind)));
  });

  it("point every line of a customer PO at the sales order line it became", () => {
    const orders = new Map(world.records.sales_order.map((order) => [order.external_id, order]));
    for (const truth of read.truths.filter((candidate) => candidate.kind === "purchase_order")) {
      const order = orders.get(truth.source.external_id);
      expect(truth.fields.po_number).toBe(order?.customer_po_number);
      expect(truth.lines.map((line) => line.refs.item_external_id)).toEqual(
        (order?.lines ?? []).map((line) => line.item_external_id),
      );
      expect(truth.lines.map((line) => Number(line.fields.quantity))).toEqual(
        (order?.lines ?? []).map((line) => Number(line.quantity)),
      );
    }
  });
});
