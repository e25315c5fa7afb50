import { describe, expect, it } from "vitest";
import { luhnValid } from "../identifiers/luhn.ts";
import { detectCard } from "./detect-card.ts";

const found = (text: string) => detectCard(text).map((d) => text.slice(d.start, d.end));

describe("detectCard", () => {
  it.each([
    ["Visa 4111 1111 1111 1111 exp 09/27", "4111 1111 1111 1111"],
    ["card 5555-5555-5555-4444", "5555-5555-5555-4444"],
    ["Amex 3782 822463 10005", "3782 822463 10005"],
    ["Diners 3056 930902 5904", "3056 930902 5904"],
    ["paid with 4242424242424242", "4242424242424242"],
    ["4111 1111 1111 1111 12 pcs", "4111 1111 1111 1111"],
  ])("masks the card in %j", (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it.each([
    "Visa 4111 1111 1111 1112 (mistyped)",
    "Order 4500012345 and 4500012346",
    "Tracking 9400 1000 0000 0000 0000 00",
    "EAN 4006381333931",
    "Date 2024-03-15, total 1,234.50",
    "Serial 1234567890123456 (not a card brand)",
    "Mixed 4111 1111-1111 1111",
  ])("leaves %j alone", (text) => {
    expect(found(text)).toEqual([]);
  });

  it("checks Luhn", () => {
    expect(luhnValid("79927398713")).toBe(true);
    expect(luhnValid("79927398710")).toBe(false);
  });
});
