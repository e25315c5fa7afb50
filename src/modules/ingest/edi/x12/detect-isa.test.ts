import { describe, expect, it } from "vitest";
import { sample } from "../testing/samples.ts";
import { detectIsa } from "./detect-isa.ts";

const detect = (text: string) => detectIsa(text, 0, true);

describe("finding the separators in the ISA", () => {
  it("takes the element separator at byte 3, ISA16 as the component separator and the terminator after it", () => {
    const found = detect(sample());
    expect(found).toMatchObject({
      kind: "ok",
      separators: { element: "*", component: ">", repetition: "", segment: "~", lineTerminated: false, lineBreaks: false },
      end: 106,
      notes: [],
    });
  });

  it.each([
    ["~", "*"],
    ["|", "*"],
    ["!", "~"],
    ["\\", "*"],
    [".", "*"],
    ["}", "~"],
    ["*", "~"],
    ["^", "*"],
  ])("reads the terminator %j with element separator %j", (segment, element) => {
    const found = detect(sample(undefined, { segment, element }));
    expect(found).toMatchObject({ kind: "ok", separators: { element, segment } });
  });

  it("reads a multibyte terminator (U+2026, three bytes in UTF-8) as one separator", () => {
    const latin1 = Buffer.from(sample(undefined, { segment: "…", after: "\r\n" }), "utf8").toString("latin1");
    const found = detect(latin1);
    expect(found).toMatchObject({ kind: "ok", separators: { segment: "\xe2\x80\xa6", lineBreaks: true } });
  });

  it("reads a line break as the terminator, and spaces before it as padding", () => {
    expect(detect(sample(undefined, { segment: "\n" }))).toMatchObject({ separators: { segment: "\n", lineTerminated: true } });
    expect(detect(sample(undefined, { segment: "\r\n" }))).toMatchObject({ separators: { segment: "\n", lineTerminated: true } });
    expect(detect(sample(undefined, { segment: "\r" }))).toMatchObject({ separators: { segment: "\r", lineTerminated: true } });
    expect(detect(sample(undefined, { segment: " \r\n" }))).toMatchObject({
      separators: { segment: "\n", lineTerminated: true },
    });
  });

  it("finds ISA16 by counting separators when fields are padded differently, and notes the length", () => {
    const found = detect(sample(undefined, { isa: { 6: "SHORT", 8: "RECEIVER-WITH-A-LONG-ID" } }));
    expect(found).toMatchObject({ kind: "ok", separators: { component: ">", segment: "~" } });
    if (found.kind !== "ok") return;
    expect(found.elements[6]).toBe("SHORT");
    expect(found.notes).toEqual([{ code: "isa_length", message: expect.stringContaining("104 bytes") }]);
  });

  it("reads an ISA broken over two lines, without the line break in its fields", () => {
    const text = sample().replace("RECEIVER       *", "RECEIVER       \n*");
    const found = detect(text);
    expect(found).toMatchObject({ kind: "ok", separators: { segment: "~" } });
    if (found.kind === "ok") expect(found.elements[8]).toBe("RECEIVER       ");
  });

  it("takes ISA11 as the repetition separator from version 00402 on", () => {
    expect(detect(sample(undefined, { isa: { 11: "^", 12: "00501" } }))).toMatchObject({ separators: { repetition: "^" } });
    expect(detect(sample(undefined, { isa: { 11: "U", 12: "00401" } }))).toMatchObject({ separators: { repetition: "" } });
  });

  it("reads a missing ISA16: the character in its place ends every segment", () => {
    const withLines = sample(undefined, { component: "", after: "\n" });
    expect(detect(withLines)).toMatchObject({
      kind: "ok",
      separators: { component: "", segment: "~", lineBreaks: true },
      notes: [{ code: "isa_component_separator_missing" }, { code: "isa_length" }],
    });
    expect(detect(sample(undefined, { component: "" }))).toMatchObject({
      kind: "ok",
      separators: { component: "", segment: "~" },
    });
  });

  it("rejects an ISA that is cut short or has no separator", () => {
    expect(detect("ISA*00*          *00*")).toMatchObject({ kind: "error", code: "isa_truncated" });
    expect(detect(sample().slice(0, 104))).toMatchObject({ kind: "error", code: "isa_truncated" });
    expect(detect("ISA 00 hello")).toMatchObject({ kind: "error", code: "isa_malformed" });
    expect(detect(`ISA${"*".repeat(3)}${"x".repeat(600)}`)).toMatchObject({ kind: "error", code: "isa_malformed" });
  });

  it("asks for more text while a stream has not delivered the whole ISA", () => {
    expect(detectIsa(sample().slice(0, 60), 0, false)).toEqual({ kind: "more" });
  });
});
