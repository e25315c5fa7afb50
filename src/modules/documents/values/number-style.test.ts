import { describe, expect, it } from "vitest";
import { textOf } from "../testing/text-of.ts";
import { numberStyleOf } from "./number-style.ts";

describe("numberStyleOf", () => {
  it("says a document writes decimal commas when more of its amounts show one", () => {
    expect(numberStyleOf(textOf(["Menge 1.250   Preis 3,89   Betrag 4.862,50 €"]).pages)).toEqual({ decimal: "," });
    expect(numberStyleOf(textOf(["Qty 1,250   Price 3.89   Amount $4,862.50"]).pages)).toEqual({ decimal: "." });
  });

  it("says a decimal point when nothing says otherwise", () => {
    expect(numberStyleOf(textOf(["Total 1.250"]).pages)).toEqual({ decimal: "." });
  });
});
