import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { BlockWriter, type KnowledgeDocument } from "../document.ts";
import { renderPdf } from "./pdf.ts";

function sampleDocument(rows: number): KnowledgeDocument {
  const write = new BlockWriter();
  write.heading("Sample Agreement", 1);
  write.clause("1.1 Term.", "The term ends on February 28, 2027.");
  write.list(["First item.", "Second item."], true);
  write.table(
    ["SKU", "Price"],
    Array.from({ length: rows }, (_, index) => [`SKU-${index}`, `$${index}.00`]),
  );
  return { path: "knowledge/sample.md", kind: "sop", title: "Sample", blocks: write.blocks, renditions: ["pdf"], related: {} };
}

describe("renderPdf", () => {
  it("is a whole PDF whose bytes depend only on the document and the date given", () => {
    const first = renderPdf(sampleDocument(5), { author: "Lakeview", date: "2026-01-01" });
    const again = renderPdf(sampleDocument(5), { author: "Lakeview", date: "2026-01-01" });
    const otherDay = renderPdf(sampleDocument(5), { author: "Lakeview", date: "2026-01-02" });
    expect(first.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(first.subarray(-6).toString("latin1")).toBe("%%EOF\n");
    expect(again.equals(first)).toBe(true);
    expect(otherDay.equals(first)).toBe(false);
  });

  it("flows a long table onto more pages, numbering them in the footer", () => {
    const pdf = renderPdf(sampleDocument(120), { author: "Lakeview", date: "2026-01-01" });
    const pages = pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? [];
    expect(pages.length).toBeGreaterThan(2);
    const text = contentStreams(pdf);
    expect(text).toContain(hex(`Sample - page ${pages.length} of ${pages.length}`));
  });
});

/** The page content streams, inflated: pdfkit writes standard-font text as hex strings. */
function contentStreams(pdf: Buffer): string {
  const source = pdf.toString("latin1");
  const streams: string[] = [];
  for (const match of source.matchAll(/stream\n([\s\S]*?)\nendstream/g)) {
    try {
      streams.push(inflateSync(Buffer.from(match[1] ?? "", "latin1")).toString("latin1"));
    } catch {
      // Not every stream is deflated text (fonts, images); those are not searched.
    }
  }
  return streams.join("\n");
}

function hex(text: string): string {
  return Buffer.from(text, "latin1").toString("hex");
}
