import { describe, expect, it } from "vitest";
import { parseBboxLayout } from "./poppler.ts";
import { parseTesseractTsv } from "./tesseract-cli.ts";

describe("reading the programs' output", () => {
  it("reads pdftotext -bbox-layout's pages and words, dropping the control characters XML does not allow", () => {
    const xhtml = `<!DOCTYPE html><html><body><doc>
      <page width="612.000000" height="792.000000"><flow><block><line>
        <word xMin="36.0" yMin="40.5" xMax="80.2" yMax="52.0">INVOICE</word>
        <word xMin="90.0" yMin="40.5" xMax="120.0" yMax="52.0">A\u0001&amp;B</word>
      </line></block></flow></page>
      <page width="612.000000" height="792.000000"></page>
    </doc></body></html>`;
    expect(parseBboxLayout(xhtml)).toEqual([
      {
        width: 612,
        height: 792,
        words: [
          { text: "INVOICE", box: { x0: 36, y0: 40.5, x1: 80.2, y1: 52 } },
          { text: "A&B", box: { x0: 90, y0: 40.5, x1: 120, y1: 52 } },
        ],
      },
      { width: 612, height: 792, words: [] },
    ]);
  });

  it("reads tesseract's TSV words with their boxes, confidences and lines", () => {
    const tsv = [
      "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
      "4\t1\t1\t1\t1\t0\t10\t20\t300\t30\t-1\t",
      "5\t1\t1\t1\t1\t1\t10\t20\t100\t30\t96.5\tPurchase",
      "5\t1\t1\t1\t1\t2\t120\t22\t80\t28\t91\tOrder",
      "5\t1\t1\t1\t2\t1\t10\t60\t40\t30\t12\t ",
    ].join("\n");
    expect(parseTesseractTsv(tsv)).toEqual([
      { text: "Purchase", box: { x0: 10, y0: 20, x1: 110, y1: 50 }, confidence: 96.5, lineKey: "1.1.1" },
      { text: "Order", box: { x0: 120, y0: 22, x1: 200, y1: 50 }, confidence: 91, lineKey: "1.1.1" },
    ]);
  });
});
