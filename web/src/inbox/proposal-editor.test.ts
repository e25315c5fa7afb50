import { describe, expect, it } from "vitest";
import { proposalEdits } from "./proposal-editor.tsx";

describe("proposalEdits", () => {
  it("sends only the top-level fields that changed", () => {
    const original = { lines: [{ quantity: "5" }], ship_to_external_id: "S1", note: null };
    expect(proposalEdits(original, { ...original })).toBeUndefined();
    expect(proposalEdits(original, { ...original, lines: [{ quantity: "7" }] })).toEqual({ lines: [{ quantity: "7" }] });
  });
});
