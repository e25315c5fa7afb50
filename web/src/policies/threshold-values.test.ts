import { describe, expect, it } from "vitest";
import { listText, moneyText, percentText, sameValue } from "./threshold-values.ts";

describe("threshold values in the form", () => {
  it("shows cents as major units and reads major units back as cents, blank as null", () => {
    expect(moneyText.format(500000)).toBe("5000.00");
    expect(moneyText.format(29)).toBe("0.29");
    expect(moneyText.format(null)).toBe("");
    expect(moneyText.parse("7500")).toBe(750000);
    expect(moneyText.parse(" $12,345.6 ")).toBe(1234560);
    expect(moneyText.parse("0.29")).toBe(29);
    expect(moneyText.parse("  ")).toBeNull();
  });

  it("keeps what does not read as an amount as it was typed", () => {
    for (const typed of ["75x", "-5", "1.234", "1,23", "1e5"]) expect(moneyText.parse(typed)).toBe(typed);
    expect(moneyText.format("75x")).toBe("75x");
    expect(moneyText.parse("99999999999999999")).toBe("99999999999999999");
  });

  it("shows a confidence in percent and reads percent back as a fraction", () => {
    expect(percentText.format(0.9)).toBe("90");
    expect(percentText.format(0.07)).toBe("7");
    expect(percentText.format(0.955)).toBe("95.5");
    expect(percentText.parse("57")).toBe(0.57);
    expect(percentText.parse("95.5 %")).toBe(0.955);
    expect(percentText.parse("150")).toBe(1.5);
    expect(percentText.parse("")).toBe("");
    expect(percentText.parse("high")).toBe("high");
  });

  it("shows lists comma-separated and reads them back without blanks", () => {
    expect(listText.format(["hazmat", "controlled"])).toBe("hazmat, controlled");
    expect(listText.format(undefined)).toBe("");
    expect(listText.parse(" hazmat,, controlled , ")).toEqual(["hazmat", "controlled"]);
    expect(listText.parse("")).toEqual([]);
  });

  it("keeps a half-typed input while it reads as the value in the data", () => {
    expect(sameValue(moneyText.parse("7500."), 750000)).toBe(true);
    expect(sameValue(moneyText.parse("7,500"), 750000)).toBe(true);
    expect(sameValue(listText.parse("hazmat, "), ["hazmat"])).toBe(true);
  });
});
