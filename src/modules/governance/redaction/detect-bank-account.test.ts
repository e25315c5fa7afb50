import { describe, expect, it } from "vitest";
import { detectBankAccount } from "./detect-bank-account.ts";

const found = (text: string) => detectBankAccount(text).map((d) => text.slice(d.start, d.end));

describe("detectBankAccount", () => {
  it.each([
    ["Bank account: 000123456789", "000123456789"],
    ["Account No. 12345678, Chase", "12345678"],
    ["ABA routing 021000021", "021000021"],
    ["Routing number: 026009593", "026009593"],
    ["a/c 73849261", "73849261"],
    ["Kontonummer 0532013000, BLZ 37040044", "0532013000"],
    ["rekeningnummer 1234.56.789", "1234.56.789"],
    ["Sort code 20-00-00", "20-00-00"],
    ["Acct # 4417 2290 031", "4417 2290 031"],
  ])("masks the number in %j", (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it.each([
    "Customer account no. 100234",
    "Your account number 5521033 with us is on hold",
    "Account #: C-10234",
    "Account no. 4471",
    "Order 4500012345",
    "Supplier account no 700145",
    "Bank holiday on 2024-12-26",
  ])("leaves %j alone", (text) => {
    expect(found(text)).toEqual([]);
  });
});
