import { describe, expect, it } from "vitest";
import { textOf } from "../testing/text-of.ts";
import { paymentBrand } from "./payment-method.ts";

describe("paymentBrand", () => {
  it("reads a payment method known by name on a line with an amount, spelled as its owner does", () => {
    const found = paymentBrand(
      textOf(["  ''iDEAL'' op 21 april 2015      € 717,97", "  ''Rembours'' op 25 mei 2015   € 9,32"]).pages,
    );
    expect(found).toMatchObject({ value: "iDEAL", printed: "''iDEAL''" });
    expect(paymentBrand(textOf(["Paid with American Express     $45.00"]).pages)?.value).toBe("American Express");
  });

  it("reads none from a method named where nothing was paid", () => {
    expect(paymentBrand(textOf(["We accept Visa and Mastercard."]).pages)).toBeNull();
  });
});
