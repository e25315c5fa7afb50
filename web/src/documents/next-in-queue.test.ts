import { describe, expect, it } from "vitest";
import { nextInQueue } from "./next-in-queue.ts";

describe("next in queue", () => {
  it("goes to the oldest other document after a decision", () => {
    expect(nextInQueue(["a", "b", "c"], "b", false)).toBe("a");
    expect(nextInQueue(["b", "c"], "a", false)).toBe("b");
  });

  it("skips to the one after, wrapping to the oldest at the end", () => {
    expect(nextInQueue(["a", "b", "c"], "b", true)).toBe("c");
    expect(nextInQueue(["a", "b", "c"], "c", true)).toBe("a");
    expect(nextInQueue(["a", "b"], "x", true)).toBe("a");
  });

  it("says when nothing else waits", () => {
    expect(nextInQueue(["a"], "a", true)).toBeUndefined();
    expect(nextInQueue([], "a", false)).toBeUndefined();
  });
});
