import { describe, expect, it } from "vitest";
import { detectAddress } from "./detect-address.ts";

const found = (text: string) => detectAddress(text).map((d) => text.slice(d.start, d.end));

describe("detectAddress", () => {
  it.each([
    ["Ship to 1200 Harbor Blvd, Suite 4", ["1200 Harbor Blvd, Suite 4"]],
    ["55 W. 39th St. New York", ["55 W. 39th St."]],
    ["Springfield, IL 62701", ["Springfield, IL 62701"]],
    ["Ship To Salt Lake City, UT 84101-1234", ["Salt Lake City, UT 84101-1234"]],
    ["Lieferung an Hauptstraße 12, 63667 Nidda", ["Hauptstraße 12", "63667 Nidda"]],
    ["Frankfurter Str. 7a", ["Frankfurter Str. 7a"]],
    ["Kerkstraat 45\n1012 AB Amsterdam", ["Kerkstraat 45", "1012 AB Amsterdam"]],
    ["Am Waldweg 3", ["Am Waldweg 3"]],
    ["12 rue de la Paix, 75002 Paris", ["12 rue de la Paix", "75002 Paris"]],
    ["Via Roma 15, Milano", ["Via Roma 15"]],
    ["P.O. Box 1234", ["P.O. Box 1234"]],
    ["10 Downing Street, London SW1A 2AA", ["10 Downing Street", "London SW1A 2AA"]],
  ])("finds the address in %j", (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    "ZIP 60601 only",
    "Postcode 63667 and town Nidda",
    "Ship 40 cases by Friday",
    "Lagerplatz 12 is full",
    "Bearing 6204 2RS",
    "PO 4500012345 due 2024-03-15",
    "Invoice total 1,234.50 USD",
  ])("leaves %j alone", (text) => {
    expect(found(text)).toEqual([]);
  });
});
