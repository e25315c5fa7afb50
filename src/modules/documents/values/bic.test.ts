import { describe, expect, it } from "vitest";
import { readBic } from "./bic.ts";

describe("readBic", () => {
  it("reads eight- and eleven-character BICs", () => {
    expect(readBic("INGBNL2A")).toBe("INGBNL2A");
    expect(readBic("bredfrpp")).toBe("BREDFRPP");
    expect(readBic("HELADEF1GEL")).toBe("HELADEF1GEL");
  });

  it("refuses a word that is not one: a country code that is no country, the wrong length", () => {
    expect(readBic("INGBXX2A")).toBeNull();
    expect(readBic("bic")).toBeNull();
    expect(readBic("INGBNL2AB")).toBeNull();
    expect(readBic("1NGBNL2A")).toBeNull();
  });
});
