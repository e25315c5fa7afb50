import { describe, expect, it } from "vitest";
import type { Person } from "../contract.ts";
import { type PersonSearch, searchStatus } from "./person-search.ts";

const zoe: Person = { id: "usr_zoe", name: "Zoe Zimmer", email: "zoe@acme.test", roles: ["csr"] };
const search = (over: Partial<PersonSearch>): PersonSearch => ({
  query: "",
  results: [],
  more: false,
  searching: false,
  error: null,
  ...over,
});

describe("what a people search says under its box", () => {
  it("says the list is cut off, and how to find anyone else", () => {
    expect(searchStatus(search({ more: true }), 200)).toBe(
      "The first 200 people by name: type a name or email to find anyone else.",
    );
    expect(searchStatus(search({}), 12)).toBe("");
  });

  it("says what matched, nothing matched, or that more match than are shown", () => {
    expect(searchStatus(search({ query: "zoe", results: [zoe] }), 200)).toBe("1 person matches “zoe”.");
    expect(searchStatus(search({ query: "z", results: [zoe, zoe] }), 200)).toBe("2 match “z”.");
    expect(searchStatus(search({ query: "z", results: [zoe], more: true }), 200)).toBe(
      "The first 1 matching “z”: type more to narrow it down.",
    );
    expect(searchStatus(search({ query: "qq" }), 200)).toBe("Nobody matches “qq”.");
  });

  it("says it is searching, or that the search failed", () => {
    expect(searchStatus(search({ query: "zoe", searching: true }), 200)).toBe("Searching…");
    expect(searchStatus(search({ query: "zoe", error: new Error("offline") }), 200)).toBe("The search failed; try again.");
  });
});
