import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor.ts";

describe("list cursors", () => {
  it("round-trip, keeping the exact sort value", () => {
    const cursor = { sort: "-updated_at", value: "2024-05-01 14:30:00.123456+00", id: "so_01j" };
    const text = encodeCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(text, "-updated_at")).toEqual(cursor);
  });

  it("keep a null sort value", () => {
    expect(decodeCursor(encodeCursor({ sort: "requested_date", value: null, id: "so_1" }), "requested_date").value).toBeNull();
  });

  it("are refused for another sort", () => {
    const text = encodeCursor({ sort: "order_date", value: "2024-01-01", id: "so_1" });
    expect(() => decodeCursor(text, "-order_date")).toThrow(/sorted by order_date, not -order_date/);
  });

  it("are refused when made up or damaged", () => {
    expect(() => decodeCursor("not-a-cursor", "id")).toThrow(/not one this API issued/);
    expect(() => decodeCursor(Buffer.from('["id", 1, 2]').toString("base64url"), "id")).toThrow(/not one this API issued/);
    try {
      decodeCursor("%%%", "id");
    } catch (error) {
      expect(error).toMatchObject({ code: "bad_request", status: 400 });
    }
  });
});
