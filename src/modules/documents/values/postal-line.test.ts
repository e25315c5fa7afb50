import { describe, expect, it } from "vitest";
import { readPostalLine } from "./postal-line.ts";

describe("readPostalLine", () => {
  it.each([
    ["Toledo, OH 43604", { city: "Toledo", region: "OH", postal_code: "43604" }],
    ["Fremont CA 94538", { city: "Fremont", region: "CA", postal_code: "94538" }],
    ["Seattle, WA 98109-5210, US", { city: "Seattle", region: "WA", postal_code: "98109-5210", country: "US" }],
    ["3012 CN Rotterdam", { city: "Rotterdam", postal_code: "3012 CN", country: "NL" }],
    ["D-63571 Gelnhausen", { city: "Gelnhausen", postal_code: "63571", country: "DE" }],
    ["69100 VILLEURBANNE", { city: "VILLEURBANNE", postal_code: "69100" }],
    ["75371 Paris Cedex 08", { city: "Paris Cedex 08", postal_code: "75371" }],
    ["London SW1A 1AA", { city: "London", postal_code: "SW1A 1AA", country: "GB" }],
    ["Lucknow 226010 Uttar Pradesh", { city: "Lucknow", region: "Uttar Pradesh", postal_code: "226010", country: "IN" }],
  ])("reads %s", (printed, place) => {
    expect(readPostalLine(printed)).toEqual(place);
  });

  it("does not read a street, a name or a date as a place", () => {
    expect(readPostalLine("4100 Lakeside Commerce Pkwy")).toBeNull();
    expect(readPostalLine("4557 De Silva St")).toBeNull();
    expect(readPostalLine("Weena 664")).toBeNull();
    expect(readPostalLine("Harbor Industrial Supply")).toBeNull();
    expect(readPostalLine("X-12345 Somewhere")).toBeNull();
  });
});
