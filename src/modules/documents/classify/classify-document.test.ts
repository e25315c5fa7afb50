import { existsSync, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDocuments } from "../../../demo/documents/index.ts";
import { fixtureWorld } from "../../../demo/documents/testing/fixture-world.ts";
import { Random } from "../../../demo/random.ts";
import { readTextPdfs } from "../testing/read-text-pdfs.ts";
import { textOf } from "../testing/text-of.ts";
import { createTextReader, type TextReader } from "../text/read-text.ts";
import { classifyDocument, namesAKind } from "./classify-document.ts";

const DOCUMENTS = path.resolve(import.meta.dirname, "../../../../../shared/datasets/documents");
const sharedPresent = existsSync(DOCUMENTS);
if (!sharedPresent) {
  console.warn(`classify-document.test.ts: ${DOCUMENTS} is absent, so the real invoices' cases are skipped`);
}

describe("classifyDocument", () => {
  it("tells a document by its title at the top, even letter-spaced, and says why", () => {
    const result = classifyDocument(
      textOf([
        "RIVERBEND PACKAGING CO.",
        "P U R C H A S E   O R D E R",
        "PO NUMBER: 05-4500364",
        "VENDOR: HARBOR",
        "BUYER: WESLEY",
      ]),
    );
    expect(result).toMatchObject({ kind: "purchase_order" });
    expect(result.confidence).toBeGreaterThan(0.7);
    expect(result.reasons[0]).toBe('title "p u r c h a s e o r d e r" at the top of page 1');
  });

  it("is not led astray by another kind named in the body", () => {
    const lines = [
      "ACME FABRICATION",
      "PURCHASE ORDER",
      "No. 01-4500390",
      ...Array(30).fill(""),
      "Quote our order number on your invoice.",
    ];
    expect(classifyDocument(textOf(lines)).kind).toBe("purchase_order");
  });

  it("tells a document without a title by its labels, with less confidence", () => {
    const result = classifyDocument(
      textOf([
        "Harbor Industrial Supply",
        "Number 4411   Due Date 12/17/2024",
        "Bill To: Acme",
        "Amount Due 120.00",
        "Remit to: PO Box 5",
      ]),
    );
    expect(result.kind).toBe("invoice");
    expect(result.confidence).toBeLessThan(0.9);
  });

  it("says whether a line names a kind (a letterhead's title is not its writer's name)", () => {
    expect(["FACTUUR.", "P U R C H A S E   O R D E R", "Delivery Receipt"].map(namesAKind)).toEqual([true, true, true]);
    expect(["Coolblue B.V.", "Harbor Industrial Supply"].map(namesAKind)).toEqual([false, false]);
  });

  it("calls a document with no kind's title or labels other", () => {
    expect(classifyDocument(textOf(["Dear Sir,", "Please find our new catalogue attached.", "Kind regards"]))).toMatchObject({
      kind: "other",
      reasons: ["no kind's title or labels found"],
    });
  });

  it("classifies every demo text PDF as what its truth says (scans are classified in the bench)", async () => {
    const documents = await readTextPdfs(generateDocuments(fixtureWorld("small"), new Random(3).fork("documents")));
    expect(documents.length).toBeGreaterThan(20);
    const wrong = documents
      .map(({ path: name, truth, text }) => [name, truth.kind, classifyDocument(text).kind])
      .filter(([, expected, found]) => expected !== found);
    expect(wrong).toEqual([]);
  });

  describe("on real invoices", () => {
    let reader: TextReader;
    beforeAll(() => {
      reader = createTextReader({ engines: { pdf: "pdfjs", ocr: "tesseract.js" } });
    });
    afterAll(() => reader?.close());

    it.skipIf(!sharedPresent)(
      `classifies the real invoices (invoice2data's, in four languages, and DocILE's scan) as invoices${sharedPresent ? "" : ` (skipped: ${DOCUMENTS} is absent)`}`,
      async () => {
        const compare = path.join(DOCUMENTS, "invoice2data", "compare");
        const docile = path.join(DOCUMENTS, "docile-sample", "pdfs");
        const pdfs = [
          ...readdirSync(compare).map((name) => path.join(compare, name)),
          ...readdirSync(docile).map((name) => path.join(docile, name)),
        ].filter((file) => file.endsWith(".pdf"));
        expect(pdfs.length).toBe(12);
        const kinds = await Promise.all(
          pdfs.map(async (file) => [path.basename(file), classifyDocument(await reader.read(await readFile(file))).kind]),
        );
        expect(kinds.filter(([, kind]) => kind !== "invoice")).toEqual([]);
      },
    );
  });
});
