import { describe, expect, it } from "vitest";
import { readCompanyNumber } from "./company-number.ts";

describe("readCompanyNumber", () => {
  it("reads a SIREN, or a SIRET's first nine digits, when Luhn's check passes", () => {
    expect(readCompanyNumber("530 848 134", "siren")).toBe("530848134");
    expect(readCompanyNumber("53084813400017", "siren")).toBe("530848134");
    expect(readCompanyNumber("421 938 862", "siren")).toBeNull();
    expect(readCompanyNumber("5308481340001", "siren")).toBeNull();
  });

  it("reads a KvK number, an Indian CIN, a German HRB and a UK company number by their forms", () => {
    expect(readCompanyNumber("24330087", "kvk")).toBe("24330087");
    expect(readCompanyNumber("2433008", "kvk")).toBeNull();
    expect(readCompanyNumber("U63090DL2012PTC231770", "cin")).toBe("U63090DL2012PTC231770");
    expect(readCompanyNumber("X63090DL2012PTC231770", "cin")).toBeNull();
    expect(readCompanyNumber("HRB 13302", "hrb")).toBe("HRB 13302");
    expect(readCompanyNumber("13302", "hrb")).toBeNull();
    expect(readCompanyNumber("SC123456", "crn")).toBe("SC123456");
  });
});
