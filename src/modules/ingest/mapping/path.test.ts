import { describe, expect, it } from "vitest";
import { expandPath, formatPath, type ParsedPath, parsePath, readPath, rootScope, type Scope } from "./path.ts";

function parsed(text: string): ParsedPath {
  const result = parsePath(text);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

const payload = {
  id: 7,
  customer: { id: "C-1", address: null },
  line_items: [
    { sku: "A", qty: 1 },
    { sku: "B", qty: 2 },
  ],
  "Order No": "SO-9",
  "a.b": 1,
  shipments: [{ packages: [{ id: "P1" }, { id: "P2" }] }, { packages: [{ id: "P3" }] }],
};

describe("parsePath", () => {
  it("reads keys, indexes, [*], quoted keys and anchors", () => {
    expect(parsed("customer.id").segments).toEqual([
      { kind: "key", key: "customer" },
      { kind: "key", key: "id" },
    ]);
    expect(parsed("line_items[-1].sku").segments[1]).toEqual({ kind: "index", index: -1 });
    expect(parsed("line_items[*]").hasEach).toBe(true);
    expect(parsed('["Order No"]').segments).toEqual([{ kind: "key", key: "Order No" }]);
    expect(parsed('x["a.b"].y').segments).toHaveLength(3);
    expect(parsed("$.currency").anchor).toBe("root");
    expect(parsed("$").segments).toEqual([]);
    expect(parsed("^.id").anchor).toBe("parent");
    expect(parsed("$[0]").segments).toEqual([{ kind: "index", index: 0 }]);
  });

  it.each([
    ["", "must not be empty"],
    ["a..b", "position 3"],
    ["a.", "must not end with a dot"],
    ["a[", "expected [number]"],
    ["a[1", "expected ]"],
    ['a["x', "unterminated"],
    ["$foo", 'written in brackets: ["$foo"]'],
    ["a]b", "a key with ]"],
    ["x".repeat(600), "at most 512 characters"],
    [Array.from({ length: 40 }, () => "a").join("."), "at most 32 steps"],
  ])("refuses %j, saying why", (text, message) => {
    const result = parsePath(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });
});

describe("readPath", () => {
  const root = rootScope(payload);

  it("reads a value and says where it was", () => {
    expect(readPath(root, parsed("line_items[1].qty"))).toEqual({ found: true, value: 2, at: ["line_items", 1, "qty"] });
    expect(readPath(root, parsed("line_items[-1].sku"))).toMatchObject({ found: true, value: "B", at: ["line_items", 1, "sku"] });
    expect(readPath(root, parsed('["Order No"]'))).toMatchObject({ found: true, value: "SO-9" });
  });

  it("says where reading stopped and why", () => {
    expect(readPath(root, parsed("customer.email"))).toMatchObject({ found: false, reason: "customer.email is missing" });
    expect(readPath(root, parsed("customer.address.city"))).toMatchObject({
      found: false,
      reason: "customer.address is null, not an object",
    });
    expect(readPath(root, parsed("id.x"))).toMatchObject({ found: false, reason: "id is a number, not an object" });
    expect(readPath(root, parsed("line_items[5].sku"))).toMatchObject({
      found: false,
      at: ["line_items", 5, "sku"],
      reason: "line_items[5] is missing (the list has 2)",
    });
  });

  it("finds the first element of a list whose key has a value", () => {
    const edi = rootScope({
      parties: [
        { role: "BY", id: "BUYER-1" },
        { role: "ST", id: "0042", name: "Dock 4" },
      ],
      dates: [{ qualifier: "002", date: "2024-05-20" }],
    });
    expect(readPath(edi, parsed("parties[role=ST].id"))).toEqual({ found: true, value: "0042", at: ["parties", 1, "id"] });
    expect(readPath(edi, parsed('parties[role="ST"].name'))).toMatchObject({ found: true, value: "Dock 4" });
    expect(readPath(edi, parsed("dates[qualifier=002].date"))).toMatchObject({ found: true, value: "2024-05-20" });
    expect(readPath(edi, parsed("parties[role=BT].id"))).toMatchObject({
      found: false,
      reason: 'parties has no element whose role is "BT"',
    });
    expect(parsePath("parties[role=ST").ok).toBe(false);
  });

  it("reads own properties only", () => {
    expect(readPath(root, parsed("customer.constructor")).found).toBe(false);
    expect(readPath(root, parsed("__proto__")).found).toBe(false);
    expect(readPath(rootScope(JSON.parse('{"__proto__": {"x": 1}}')), parsed("__proto__.x"))).toMatchObject({
      found: true,
      value: 1,
    });
  });

  it("reads from the root and the parent whatever the scope", () => {
    const line: Scope = { value: payload.line_items[0], at: ["line_items", 0], parent: root, root, position: 0 };
    expect(readPath(line, parsed("sku"))).toMatchObject({ value: "A" });
    expect(readPath(line, parsed("$.customer.id"))).toMatchObject({ value: "C-1", at: ["customer", "id"] });
    expect(readPath(line, parsed("^.id"))).toMatchObject({ value: 7, at: ["id"] });
  });
});

describe("expandPath", () => {
  const root = rootScope(payload);

  it("gives every element of [*], flattening nested ones", () => {
    const expanded = expandPath(root, parsed("shipments[*].packages[*].id"), 100);
    expect(expanded.items.map((item) => item.value)).toEqual(["P1", "P2", "P3"]);
    expect(expanded.items[2]?.at).toEqual(["shipments", 1, "packages", 0, "id"]);
  });

  it("takes a single value as one element and a missing one as none", () => {
    expect(expandPath(root, parsed("customer[*]"), 10).items).toHaveLength(1);
    expect(expandPath(root, parsed("nothing[*]"), 10).items).toHaveLength(0);
    expect(expandPath(root, parsed("$"), 10).items).toHaveLength(1);
  });

  it("stops past the limit", () => {
    const big = rootScope({ rows: Array.from({ length: 50 }, (_, index) => index) });
    expect(expandPath(big, parsed("rows[*]"), 10)).toMatchObject({ tooMany: true });
    const huge = rootScope({ rows: Array.from({ length: 400 }, () => Array.from({ length: 400 }, () => 1)) });
    expect(expandPath(huge, parsed("rows[*][*]"), 1_000_000)).toMatchObject({ tooMany: true, items: [] });
  });
});

describe("formatPath", () => {
  it("writes payload paths in the path syntax", () => {
    expect(formatPath([])).toBe("$");
    expect(formatPath(["line_items", 2, "price"])).toBe("line_items[2].price");
    expect(formatPath(["Order No"])).toBe('["Order No"]');
    expect(formatPath([0, "a.b"])).toBe('[0]["a.b"]');
  });
});
