import { describe, expect, it } from "vitest";
import { longDate, money, possessive, shortName } from "./format.ts";
import { describePaymentTerms } from "./payment-terms.ts";

describe("money", () => {
  it("keeps the decimals an agreement prices in, never fewer than two", () => {
    expect(money("71.5000")).toBe("$71.50");
    expect(money("11.8250")).toBe("$11.825");
    expect(money("0.0825")).toBe("$0.0825");
    expect(money(150000)).toBe("$150,000.00");
    expect(money("1234567.5")).toBe("$1,234,567.50");
  });
});

describe("payment terms", () => {
  it("quotes the code and explains the common shapes", () => {
    expect(describePaymentTerms("Net 45")).toBe("Net 45: payment is due within 45 days of the invoice date.");
    expect(describePaymentTerms("2% 10 Net 30")).toBe(
      "2% 10 Net 30: a 2% discount applies when an invoice is paid within 10 days of the invoice date; otherwise the full amount is due within 30 days of the invoice date.",
    );
    expect(describePaymentTerms("1/15 NET45")).toContain("a 1% discount applies when an invoice is paid within 15 days");
    expect(describePaymentTerms("EOM 10")).toBe("EOM 10, as shown on the account record.");
  });
});

describe("names and dates", () => {
  it("speaks of companies the way people do", () => {
    expect(shortName("Acme Fabrication Inc.")).toBe("Acme Fabrication");
    expect(shortName("Tool & Die Group")).toBe("Tool & Die");
    expect(possessive("Summit Facilities Services")).toBe("Summit Facilities Services'");
    expect(possessive("Acme")).toBe("Acme's");
    expect(longDate("2027-02-28")).toBe("February 28, 2027");
  });
});
