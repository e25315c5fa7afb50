import { describe, expect, it } from "vitest";
import { detectPersonName } from "./detect-person-name.ts";

const found = (text: string) => detectPersonName(text).map((d) => text.slice(d.start, d.end));

describe("detectPersonName", () => {
  it.each([
    ["Attn: Maria Lopez, Purchasing", ["Maria Lopez"]],
    ["Dear Mr. Smith,", ["Smith"]],
    ["Dear Priya,", ["Priya"]],
    ["Contact: Peter Janssen (+31 20 123 4567)", ["Peter Janssen"]],
    ["Signed by J. van der Berg", ["J. van der Berg"]],
    ["Received by: Tom O'Brien at 14:10", ["Tom O'Brien"]],
    ["Sehr geehrte Frau Dr. Anna-Lena Müller", ["Anna-Lena Müller"]],
    ["Kind regards,\nAnna Schmidt\nAcme GmbH", ["Anna Schmidt"]],
    ["Name: Luis García Pérez", ["Luis García Pérez"]],
    ["ATTN: JOHN SMITH", ["JOHN SMITH"]],
  ])("finds the name in %j", (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    "Dear Team,",
    "Dear Sir or Madam,",
    "Attn: Accounts Payable",
    "Attention: Receiving Dept",
    "Ordered by Acme Supply Inc",
    "Product name: Hex Bolt M8",
    "Thanks,\nThe Sales Team",
    "John Smith called about the order",
    "Contact: sales@acme.com",
    "Signed copy attached",
    "Contact Us today",
    "Shipment to Berlin - Germany",
    "Hi All,",
    "Please call Receiving on arrival",
  ])("leaves %j alone", (text) => {
    expect(found(text)).toEqual([]);
  });
});
