import { describe, expect, it } from "vitest";
import type { Person } from "../contract.ts";
import { createPersonLookup } from "./person-lookup.ts";

const person = (id: string): Person => ({ id, name: `Name of ${id}`, email: `${id}@acme.test`, roles: [] });

describe("looking people up by id", () => {
  it("asks once for the ids wanted together, and answers each with the person or null", async () => {
    const requests: string[][] = [];
    const lookUp = createPersonLookup(
      async (ids) => {
        requests.push([...ids]);
        return ids.filter((id) => id !== "usr_gone").map(person);
      },
      { max: 200, waitMs: 5 },
    );
    const answers = await Promise.all([lookUp("usr_a"), lookUp("usr_b"), lookUp("usr_a"), lookUp("usr_gone")]);
    expect(requests).toEqual([["usr_a", "usr_b", "usr_gone"]]);
    expect(answers.map((answer) => answer?.name ?? null)).toEqual(["Name of usr_a", "Name of usr_b", "Name of usr_a", null]);
    // Later asks are a new request.
    await lookUp("usr_c");
    expect(requests).toEqual([["usr_a", "usr_b", "usr_gone"], ["usr_c"]]);
  });

  it("splits more ids than a request takes, and fails only the ids of a request that failed", async () => {
    const requests: string[][] = [];
    const lookUp = createPersonLookup(
      async (ids) => {
        requests.push([...ids]);
        if (ids.includes("usr_4")) throw new Error("the server could not be reached");
        return ids.map(person);
      },
      { max: 2, waitMs: 5 },
    );
    const answers = await Promise.allSettled(["usr_1", "usr_2", "usr_3", "usr_4", "usr_5"].map(lookUp));
    expect(requests).toEqual([["usr_1", "usr_2"], ["usr_3", "usr_4"], ["usr_5"]]);
    expect(answers.map((answer) => answer.status)).toEqual(["fulfilled", "fulfilled", "rejected", "rejected", "fulfilled"]);
  });
});
