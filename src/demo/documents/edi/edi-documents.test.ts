import { beforeAll, describe, expect, it } from "vitest";
import { Random } from "../../random.ts";
import { generateDocuments } from "../index.ts";
import { fixtureWorld } from "../testing/fixture-world.ts";
import type { DocumentTruth } from "../truth/truth.ts";
import { type ParsedInterchange, parseX12 } from "./x12-parse.ts";

type Edi = { text: string; truth: DocumentTruth; parsed: ParsedInterchange };

let edis: Edi[];

beforeAll(() => {
  const files = generateDocuments(fixtureWorld("small"), new Random(7).fork("documents"));
  const byPath = new Map(files.map((file) => [file.path, String(file.content)]));
  edis = files
    .filter((file) => file.path.endsWith(".edi"))
    .map((file) => {
      const text = String(file.content);
      return { text, truth: JSON.parse(byPath.get(`${file.path}.truth.json`) ?? "") as DocumentTruth, parsed: parseX12(text) };
    });
});

const segment = (edi: Edi, id: string) => edi.parsed.segments.find((candidate) => candidate[0] === id) ?? [];
const segments = (edi: Edi, id: string) => edi.parsed.segments.filter((candidate) => candidate[0] === id);
const cents = (decimal: string | number | boolean | undefined) => Math.round(Number(decimal) * 100);

describe("generated X12 interchanges", () => {
  it("include 850s, 810s and 856s, some with a newline after each segment", () => {
    expect(new Set(edis.map((edi) => edi.truth.edi?.transaction_set))).toEqual(new Set(["850", "810", "856"]));
    expect(edis.some((edi) => edi.text.includes("~\n"))).toBe(true);
    expect(edis.some((edi) => !edi.text.includes("\n"))).toBe(true);
  });

  it("give 850 line counts, quantity hash totals and amounts that match the truth", () => {
    const orders = edis.filter((edi) => edi.truth.edi?.transaction_set === "850");
    expect(orders.length).toBeGreaterThan(0);
    for (const edi of orders) {
      const lines = segments(edi, "PO1");
      expect(lines).toHaveLength(edi.truth.lines.length);
      expect(Number(segment(edi, "CTT")[1])).toBe(lines.length);
      expect(Number(segment(edi, "CTT")[2])).toBeCloseTo(
        lines.reduce((sum, line) => sum + Number(line[2]), 0),
        6,
      );
      const extended = lines.reduce((sum, line) => sum + Math.round(Number(line[2]) * Number(line[4]) * 100), 0);
      expect(cents(segment(edi, "AMT")[2])).toBe(cents(edi.truth.fields.total));
      expect(Math.abs(extended - cents(edi.truth.fields.total))).toBeLessThanOrEqual(lines.length);
      expect(segment(edi, "BEG")[3]).toBe(edi.truth.fields.po_number);
      lines.forEach((line, index) => {
        expect(line[2]).toBe(edi.truth.lines[index]?.fields.quantity);
        expect(line[4]).toBe(edi.truth.lines[index]?.fields.unit_price);
      });
    }
  });

  it("give 810 totals in TDS, in cents, and line counts in CTT, as the truth says", () => {
    const invoices = edis.filter((edi) => edi.truth.edi?.transaction_set === "810");
    expect(invoices.length).toBeGreaterThan(0);
    for (const edi of invoices) {
      expect(Number(segment(edi, "TDS")[1])).toBe(cents(edi.truth.fields.total));
      expect(Number(segment(edi, "CTT")[1])).toBe(segments(edi, "IT1").length);
      expect(segments(edi, "IT1")).toHaveLength(edi.truth.lines.length);
      expect(segment(edi, "BIG")[2]).toBe(edi.truth.fields.invoice_number);
    }
  });

  it("build 856s as shipment, order and item levels, with CTT counting them", () => {
    const notices = edis.filter((edi) => edi.truth.edi?.transaction_set === "856");
    expect(notices.length).toBeGreaterThan(0);
    for (const edi of notices) {
      const levels = segments(edi, "HL");
      expect(levels.map((level) => level[3])).toEqual(["S", "O", ...edi.truth.lines.map(() => "I")]);
      expect(Number(segment(edi, "CTT")[1])).toBe(levels.length);
      expect(segments(edi, "SN1").map((sn1) => sn1[2])).toEqual(edi.truth.lines.map((line) => line.fields.quantity));
    }
  });
});
