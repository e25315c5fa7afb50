import { describe, expect, it } from "vitest";
import { actorLabel, parseActorRef } from "./actor.ts";

describe("actors as the API records them", () => {
  it("splits a reference at its first colon, keeping the label", () => {
    expect(parseActorRef("user:usr_01", "olga@acme.test")).toEqual({ type: "user", id: "usr_01", label: "olga@acme.test" });
    expect(parseActorRef("system:flow:pricing-exception")).toEqual({
      type: "system",
      id: "flow:pricing-exception",
      label: undefined,
    });
    expect(parseActorRef("crossdock")).toEqual({ type: "unknown", id: "crossdock", label: undefined });
  });

  it("says who someone other than a person is by their label, or else by what they are", () => {
    expect(actorLabel({ type: "api_key", id: "key_01", label: "ERP sync" })).toBe("ERP sync");
    expect(actorLabel({ type: "api_key", id: "key_01" })).toBe("API key key_01");
    expect(actorLabel({ type: "operator", id: "cli", label: null })).toBe("the operator");
    expect(actorLabel({ type: "system", id: "sla", label: "SLA" })).toBe("SLA");
  });
});
