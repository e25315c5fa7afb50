import { describe, expect, it } from "vitest";
import { CUSTOM_MAPPING_START, draftOfMapping, mappingOfDraft, readyName, specPathOf } from "./mapping-draft.ts";

describe("mapping drafts", () => {
  it("tells a ready mapping from a custom one", () => {
    expect(readyName({ ready: "shopify-order" })).toBe("shopify-order");
    expect(readyName({ ready: "shopify-order", version: 1 })).toBeNull();
    expect(draftOfMapping({ ready: "shopify-order" })).toEqual({ mode: "ready", ready: "shopify-order" });
    expect(draftOfMapping({ version: 1, records: [] })).toEqual({
      mode: "custom",
      text: '{\n  "version": 1,\n  "records": []\n}',
    });
  });

  it("turns a draft into what the API takes", () => {
    expect(mappingOfDraft({ mode: "ready", ready: "carrier-tracking-event" })).toEqual({
      ok: true,
      mapping: { ready: "carrier-tracking-event" },
    });
    expect(mappingOfDraft({ mode: "custom", text: CUSTOM_MAPPING_START })).toMatchObject({
      ok: true,
      mapping: { version: 1, records: [{ type: "sales_order" }] },
    });
  });

  it("says what is wrong before asking the server: no choice, JSON that does not parse, not an object", () => {
    expect(mappingOfDraft({ mode: "ready", ready: "" })).toMatchObject({ ok: false, problem: { path: "ready" } });
    expect(mappingOfDraft({ mode: "custom", text: '{\n  "version": 1,\n  "records": [\n}' })).toMatchObject({
      ok: false,
      problem: { path: "", line: 4 },
    });
    expect(mappingOfDraft({ mode: "custom", text: "[1]" })).toMatchObject({
      ok: false,
      problem: { message: "a mapping is a JSON object ({ … })" },
    });
  });

  it("reads the API's paths as paths in the spec", () => {
    expect(specPathOf("mapping.records[0].fields.order_numbr")).toBe("records[0].fields.order_numbr");
    expect(specPathOf("mapping")).toBe("");
    expect(specPathOf('mapping["a b"]')).toBe('["a b"]');
    expect(specPathOf("name")).toBeNull();
  });
});
