import { describe, expect, it } from "vitest";
import { repeatEvery } from "./repeat-every.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("repeatEvery", () => {
  it("never runs two passes at once, goes on after a pass that throws, and stops once the pass in flight has ended", async () => {
    let inFlight = 0;
    let most = 0;
    let passes = 0;
    let ended = 0;
    const repeated = repeatEvery(5, async () => {
      passes += 1;
      inFlight += 1;
      most = Math.max(most, inFlight);
      await sleep(20);
      inFlight -= 1;
      ended += 1;
      if (passes === 1) throw new Error("the first pass fails");
    });
    while (passes < 3) await sleep(5);
    await repeated.stop();
    expect(most).toBe(1);
    expect(ended).toBe(passes);
    const after = passes;
    await sleep(30);
    expect(passes).toBe(after);
  });
});
