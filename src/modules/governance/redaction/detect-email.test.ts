import { describe, expect, it } from "vitest";
import { detectEmail } from "./detect-email.ts";

const found = (text: string) => detectEmail(text).map((d) => text.slice(d.start, d.end));

describe("detectEmail", () => {
  it.each([
    ["Send the POD to j.smith@acme-supply.com.", "j.smith@acme-supply.com"],
    ["<ap+invoices@northwind.co.uk>", "ap+invoices@northwind.co.uk"],
    ["mailto:jürgen.müller@firma-x.de", "jürgen.müller@firma-x.de"],
    ["reply to M_Jansen@bouw.nl, thanks", "M_Jansen@bouw.nl"],
  ])("masks the address in %j", (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it.each([
    "Follow @acme on social",
    "Meet at 10@12 Main",
    "Part HIS-FAS-10077 @ $1.20",
    "user@localhost is not routable",
    "price@qty 12",
  ])("leaves %j alone", (text) => {
    expect(found(text)).toEqual([]);
  });
});
