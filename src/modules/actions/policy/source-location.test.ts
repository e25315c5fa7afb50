import { describe, expect, it } from "vitest";
import { lineColumnAt, lineColumnOfByte } from "./source-location.ts";

describe("source locations", () => {
  it("turns a string index into a 1-based line and column", () => {
    expect(lineColumnAt("abc\ndef", 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumnAt("abc\ndef", 5)).toEqual({ line: 2, column: 2 });
  });

  it("turns Cedar's UTF-8 byte offsets into characters, past accents and symbols", () => {
    const text = "// prix €€€ ünïcödé\npermit (principal, action, resource) when { x = 1 };";
    const index = text.indexOf("=");
    const byteOffset = Buffer.byteLength(text.slice(0, index), "utf8");
    expect(byteOffset).toBeGreaterThan(index);
    expect(lineColumnOfByte(text, byteOffset)).toEqual({ line: 2, column: 47 });
    expect(lineColumnOfByte(text, byteOffset)).toEqual(lineColumnAt(text, index));
  });

  it("counts a character outside the basic plane as one column", () => {
    const text = "// 📦 box\nx";
    expect(lineColumnAt(text, text.indexOf("box"))).toEqual({ line: 1, column: 6 });
  });
});
