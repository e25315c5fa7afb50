import { describe, expect, it } from "vitest";
import { dateBound, paramLabel } from "./filter-input.tsx";

describe("filter inputs", () => {
  it("sends an inclusive upper bound on a timestamp as the day's last instant", () => {
    expect(dateBound({ kind: "timestamp", op: "lte" }, "2026-12-05")).toBe("2026-12-05T23:59:59.999Z");
    expect(dateBound({ kind: "timestamp", op: "gte" }, "2026-12-05")).toBe("2026-12-05");
    expect(dateBound({ kind: "date", op: "lte" }, "2026-12-05")).toBe("2026-12-05");
    expect(dateBound({ kind: "timestamp", op: "lte" }, "")).toBe("");
  });

  it("names range filters in words", () => {
    expect(paramLabel({ name: "list_price_min", columns: ["list_price"], kind: "money", op: "gte" })).toBe("List price at least");
    expect(paramLabel({ name: "received_at_to", columns: ["received_at"], kind: "timestamp", op: "lte" })).toBe("Received at to");
    expect(paramLabel({ name: "status", columns: ["status"], kind: "enum", op: "in" })).toBe("Status");
  });
});
