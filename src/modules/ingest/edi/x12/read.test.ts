import { describe, expect, it } from "vitest";
import { PURCHASE_ORDER_BODY, sample } from "../testing/samples.ts";
import { readX12 } from "./read.ts";
import type { X12Read } from "./types.ts";

const setsOf = (read: X12Read) => read.interchanges.flatMap((interchange) => interchange.groups.flatMap((group) => group.sets));
const bodyOf = (read: X12Read) => setsOf(read).flatMap((set) => set.segments.map((segment) => segment.elements));

/** What every well-formed sample reads as: one set, its two body segments, no warning. */
function expectPurchaseOrder(read: X12Read) {
  expect(read.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
  expect(read.ok).toBe(true);
  expect(setsOf(read).map((set) => [set.id, set.controlNumber, set.segmentCount])).toEqual([["850", "0001", 4]]);
  expect(bodyOf(read)).toEqual([
    ["BEG", "00", "SA", "PO-1", "", "20260301"],
    ["PO1", "1", "10", "EA", "45", "PE", "VP", "V-1"],
  ]);
  expect(read.counts).toMatchObject({ interchanges: 1, groups: 1, sets: 1, segments: 8 });
}

describe("reading X12 from real partners' files", () => {
  it.each([
    ["~", {}],
    ["newline", { segment: "\n" }],
    ["CRLF", { segment: "\r\n" }],
    ["|", { segment: "|" }],
    ["!", { segment: "!", element: "~" }],
    ["\\", { segment: "\\" }],
    ["… (U+2026)", { segment: "…" }],
    [".", { segment: "." }],
    ["~ then CRLF and indentation", { segment: "~", after: "\r\n    " }],
    ["} with element separator ~", { segment: "}", element: "~" }],
    ["* with element separator ~", { segment: "*", element: "~" }],
    ["a space before the line break", { segment: " \r\n" }],
  ])("reads segments terminated by %s", (_name, options) => {
    expectPurchaseOrder(readX12(Buffer.from(sample(undefined, options), "utf8")));
  });

  it("skips a UTF-8 byte-order mark and leading whitespace, and counts the mark in offsets", () => {
    const text = `\n\n  ${sample()}`;
    const read = readX12(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    expectPurchaseOrder(read);
    const st = setsOf(read)[0]?.header;
    expect(st?.offset).toBe(3 + 4 + 106 + (PURCHASE_ORDER_BODY[0] ?? "").length + 1);
    expect(st?.index).toBe(2);
  });

  it("reads a string input with a byte-order mark, and UTF-16 input", () => {
    expectPurchaseOrder(readX12(`\ufeff${sample()}`));
    expectPurchaseOrder(readX12(Buffer.from(`\ufeff${sample()}`, "utf16le")));
  });

  it("reads an ISA whose fields are padded differently from 106 characters, with a warning", () => {
    const read = readX12(sample(undefined, { isa: { 6: "SHORT", 8: "RECEIVER" } }));
    expectPurchaseOrder(read);
    expect(read.interchanges[0]).toMatchObject({ senderId: "SHORT", receiverId: "RECEIVER", controlNumber: "000000042" });
    expect(read.diagnostics).toMatchObject([{ severity: "warning", code: "isa_length", segment: { id: "ISA", index: 0 } }]);
  });

  it("reads an ISA with ISA16 left out (the terminator in its place)", () => {
    const read = readX12(sample(undefined, { component: "", after: "\n" }));
    expectPurchaseOrder(read);
    expect(read.interchanges[0]?.separators).toMatchObject({ segment: "~", component: "" });
  });

  it("ends a segment at a line break when the terminator was left out in a line-per-segment file", () => {
    const text = sample().replace(/~/g, "~\n").replace("BEG*00*SA*PO-1**20260301~", "BEG*00*SA*PO-1**20260301");
    const read = readX12(text);
    expectPurchaseOrder(read);
    expect(read.diagnostics).toMatchObject([
      { severity: "warning", code: "segment_unterminated", segment: { id: "BEG", index: 3 } },
    ]);
  });

  it("joins a file wrapped at 80 columns", () => {
    const text =
      sample()
        .match(/.{1,80}/gs)
        ?.join("\r\n") ?? "";
    const read = readX12(text);
    expectPurchaseOrder(read);
    expect(read.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["isa_length", "segment_line_breaks"]);
  });

  it("ignores NUL and Ctrl-Z padding at the end", () => {
    expectPurchaseOrder(readX12(`${sample()}\x1a\0\0`));
  });

  it("splits components and repetitions, and keeps the raw element", () => {
    const body = [
      "GS*HC*SENDER*RECEIVER*20260305*1407*42*X*005010X222A1",
      "ST*837*0001*005010X222A1",
      "HI*ABK>J45^ABF>E11",
      "SV1*HC>99213>25*100*UN*1",
      "SE*4*0001",
      "GE*1*42",
      "IEA*1*000000042",
    ];
    const read = readX12(sample(body, { isa: { 11: "^", 12: "00501" } }));
    expect(read.ok).toBe(true);
    const [hi, sv1] = setsOf(read)[0]?.segments ?? [];
    expect(hi?.elements[1]).toBe("ABK>J45^ABF>E11");
    expect(hi?.composites?.[1]).toEqual([
      ["ABK", "J45"],
      ["ABF", "E11"],
    ]);
    expect(sv1?.composites?.[1]).toEqual([["HC", "99213", "25"]]);
    expect(sv1?.composites?.[2]).toBeUndefined();
    expect(setsOf(read)[0]?.implementation).toBe("005010X222A1");
  });

  it("decodes UTF-8 element values, and ISO-8859-1 ones that are not UTF-8", () => {
    const body = PURCHASE_ORDER_BODY.map((line) => line.replace("PO1*1*10*EA*45*PE*VP*V-1", "PO1*1*10*EA*4.5*PE*VP*Müller"));
    expect(bodyOf(readX12(Buffer.from(sample(body), "utf8")))[1]?.[7]).toBe("Müller");
    expect(bodyOf(readX12(Buffer.from(sample(body), "latin1")))[1]?.[7]).toBe("Müller");
  });

  it("reads several interchanges, each with its own separators, several groups and several sets", () => {
    const twoSets = [
      "GS*PO*SENDER*RECEIVER*20260305*1407*1*X*004010",
      "ST*850*0001",
      "BEG*00*SA*PO-1**20260301",
      "SE*3*0001",
      "ST*850*0002",
      "BEG*00*SA*PO-2**20260301",
      "SE*3*0002",
      "GE*2*1",
      "GS*IN*SENDER*RECEIVER*20260305*1407*2*X*004010",
      "ST*810*0003",
      "BIG*20260305*INV-1",
      "SE*3*0003",
      "GE*1*2",
      "IEA*2*000000042",
    ];
    const text = `${sample(twoSets)}\r\n${sample(PURCHASE_ORDER_BODY, { element: "|", segment: "\n", component: ":" })}`;
    const read = readX12(text);
    expect(read.ok).toBe(true);
    expect(read.interchanges.map((interchange) => interchange.separators.element)).toEqual(["*", "|"]);
    expect(read.interchanges[0]?.groups.map((group) => group.sets.map((set) => set.id))).toEqual([["850", "850"], ["810"]]);
    expect(read.counts).toMatchObject({ interchanges: 2, groups: 3, sets: 4 });
    expect(read.diagnostics).toEqual([]);
  });

  it("names each segment's place: its index and its byte offset", () => {
    const text = sample();
    const read = readX12(text);
    const ge = read.interchanges[0]?.groups[0]?.trailer;
    expect(ge).toMatchObject({ id: "GE", index: 6, offset: text.indexOf("GE*") });
  });
});
