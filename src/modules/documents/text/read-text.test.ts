import PDFDocument from "pdfkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDocuments } from "../../../demo/documents/index.ts";
import { fixtureWorld } from "../../../demo/documents/testing/fixture-world.ts";
import { Random } from "../../../demo/random.ts";
import type { DemoFile } from "../../../demo/world.ts";
import { popplerInstalled, tesseractInstalled } from "./engines.ts";
import type { DocumentText } from "./page-text.ts";
import { createTextReader, type TextReader } from "./read-text.ts";
import { TextReadError } from "./text-read-error.ts";

type Truth = {
  printed: Record<string, string>;
  lines: { printed: Record<string, string> }[];
  scan?: { mode: "scanner" | "fax" };
};

let files: DemoFile[];
const demo = (pattern: RegExp, mode?: "scanner" | "fax") => {
  for (const file of files) {
    if (!pattern.test(file.path) || file.path.endsWith(".json")) continue;
    const truth = JSON.parse(String(files.find((candidate) => candidate.path === `${file.path}.truth.json`)?.content)) as Truth;
    if (mode && truth.scan?.mode !== mode) continue;
    return { bytes: Buffer.from(file.content), truth };
  }
  throw new Error(`no demo document matches ${pattern} ${mode ?? ""}`);
};

/** The share of what the truth says is printed on the document (header values, line cells) that the text holds word for word. */
const shareFound = (text: string, truth: Truth) => {
  const values = [...Object.values(truth.printed), ...truth.lines.flatMap((line) => Object.values(line.printed))];
  return values.filter((value) => text.includes(value)).length / values.length;
};

/** A PDF drawn by pdfkit: `pages` pages of text, optionally protected by a password. */
function pdf(pages: string[], options: { userPassword?: string } = {}): Promise<Buffer> {
  return new Promise((resolve) => {
    const document = new PDFDocument({ autoFirstPage: false, ...options });
    const chunks: Buffer[] = [];
    document.on("data", (chunk: Buffer) => chunks.push(chunk));
    document.on("end", () => resolve(Buffer.concat(chunks)));
    for (const text of pages) document.addPage().fontSize(12).text(text, 72, 72);
    document.end();
  });
}

/** Every word sits at its offsets in the page's text, inside the page. */
function expectWordsInPlace(text: DocumentText) {
  for (const page of text.pages) {
    for (const word of page.words) {
      expect(page.text.slice(word.start, word.end)).toBe(word.text);
      expect(word.box.x0).toBeGreaterThanOrEqual(-1);
      expect(word.box.x1).toBeLessThanOrEqual(page.width + 1);
      expect(word.box.y1).toBeLessThanOrEqual(page.height + 1);
    }
  }
}

beforeAll(() => {
  files = generateDocuments(fixtureWorld("small"), new Random(7).fork("documents"));
});

const engines = [
  { pdf: "pdfjs", ocr: "tesseract.js", here: true },
  { pdf: "pdftotext", ocr: "tesseract", here: popplerInstalled() && tesseractInstalled() },
] as const;

for (const { pdf: pdfEngine, ocr, here } of engines) {
  const name = `${pdfEngine} and ${ocr}${here ? "" : " (skipped: poppler-utils and tesseract-ocr are not installed here)"}`;
  describe.skipIf(!here)(`reading documents' text with ${name}`, () => {
    let reader: TextReader;
    beforeAll(() => {
      reader = createTextReader({ engines: { pdf: pdfEngine, ocr } });
    });
    afterAll(() => reader?.close());

    it("reads a text PDF's layer with its layout: the header's values and each line's cells on one line, in order", async () => {
      const { bytes, truth } = demo(/customer-po\/pdf\//);
      const text = await reader.read(bytes);
      expect(text.kind).toBe("pdf");
      expect(text.pages.map((page) => [page.engine, page.unit, page.confidence])).toEqual(
        text.pages.map(() => [pdfEngine, "pt", null]),
      );
      const all = text.pages.map((page) => page.text).join("\n");
      expect(all).toContain(truth.printed.po_number);
      const rows = all.split("\n");
      for (const line of truth.lines) {
        const cells = [line.printed.quantity, line.printed.unit_price].filter((cell): cell is string => Boolean(cell));
        const row = rows.find(
          (candidate) => cells.every((cell) => candidate.includes(cell)) && candidate.includes(line.printed.line_total ?? ""),
        );
        expect(row, `a row holding ${cells.join(", ")}`).toBeDefined();
      }
      expectWordsInPlace(text);
    });

    it("OCRs a page without a text layer (an image-only PDF) and a PNG scan, saying so per page, with a confidence", async () => {
      const scanPdf = demo(/customer-po\/scan\/.*\.pdf$/, "scanner");
      const fromPdf = await reader.read(scanPdf.bytes);
      expect(fromPdf.pages.map((page) => [page.engine, page.unit])).toEqual([[ocr, "pt"]]);
      expect(fromPdf.pages[0]?.text).toContain(scanPdf.truth.printed.po_number);
      expect(shareFound(fromPdf.pages[0]?.text ?? "", scanPdf.truth)).toBeGreaterThan(0.8);
      expect(fromPdf.pages[0]?.confidence).toBeGreaterThan(50);
      expectWordsInPlace(fromPdf);

      const scanPng = demo(/customer-po\/scan\/.*\.png$/, "scanner");
      const fromPng = await reader.read(scanPng.bytes);
      expect(fromPng).toMatchObject({ kind: "image", pages: [{ engine: ocr, unit: "px", width: 1275, height: 1650 }] });
      expect(fromPng.pages[0]?.text).toContain(scanPng.truth.printed.po_number);
      expect(shareFound(fromPng.pages[0]?.text ?? "", scanPng.truth)).toBeGreaterThan(0.8);
      expectWordsInPlace(fromPng);
    });

    it("reads a fax (black and white, 98 lines per inch) less well, but reads it", async () => {
      const fax = demo(/customer-po\/scan\/.*\.png$/, "fax");
      const text = await reader.read(fax.bytes);
      expect(shareFound(text.pages[0]?.text ?? "", fax.truth)).toBeGreaterThan(0.3);
    });

    it("refuses, with the reason, a file that is empty, not a PDF or image, corrupt, protected by a password, or too long", async () => {
      const reason = async (bytes: Uint8Array, options?: { maxPages: number }) => {
        const limited = options ? createTextReader({ engines: { pdf: pdfEngine, ocr }, ...options }) : reader;
        const error = await limited.read(bytes).then(
          () => null,
          (thrown: unknown) => thrown,
        );
        expect(error).toBeInstanceOf(TextReadError);
        return { reason: (error as TextReadError).reason, message: (error as TextReadError).message };
      };
      expect(await reason(new Uint8Array())).toEqual({ reason: "empty", message: "The file is empty" });
      expect((await reason(Buffer.from("Invoice 123\nTotal 9.99\n"))).reason).toBe("unsupported_type");
      expect((await reason(Buffer.from("%PDF-1.7\n1 0 obj garbage"))).reason).toBe("corrupt");
      expect(await reason(await pdf(["secret"], { userPassword: "s3cret" }))).toEqual({
        reason: "encrypted",
        message: "The PDF is protected by a password",
      });
      expect(await reason(await pdf(["one", "two"]), { maxPages: 1 })).toEqual({
        reason: "too_many_pages",
        message: "The PDF has 2 pages; at most 1 are read (split it)",
      });
    });
  });
}
