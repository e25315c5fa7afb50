import { describe, expect, it } from "vitest";
import { foldUnchanged, lineDiff } from "./line-diff.ts";

describe("lineDiff", () => {
  it("keeps what both share and marks what was removed and added, with line numbers", () => {
    expect(lineDiff("a\nb\nc\nd", "a\nx\nc\nd\ne")).toEqual([
      { type: "same", text: "a", before: 1, after: 1 },
      { type: "removed", text: "b", before: 2 },
      { type: "added", text: "x", after: 2 },
      { type: "same", text: "c", before: 3, after: 3 },
      { type: "same", text: "d", before: 4, after: 4 },
      { type: "added", text: "e", after: 5 },
    ]);
  });

  it("finds nothing when the texts are the same", () => {
    expect(lineDiff("a\nb", "a\nb").every((line) => line.type === "same")).toBe(true);
  });

  it("finds moved lines as the longest common run", () => {
    const types = lineDiff("x\na\nb\nc", "a\nb\nc\nx").map((line) => line.type);
    expect(types).toEqual(["removed", "same", "same", "same", "added"]);
  });
});

describe("foldUnchanged", () => {
  it("folds unchanged stretches beyond the context", () => {
    const before = Array.from({ length: 20 }, (_, n) => `line ${n + 1}`).join("\n");
    const after = before.replace("line 10", "line ten");
    const hunks = foldUnchanged(lineDiff(before, after), 2);
    expect(hunks.map((hunk) => (hunk.type === "folded" ? hunk.count : hunk.lines.length))).toEqual([7, 6, 8]);
  });
});
