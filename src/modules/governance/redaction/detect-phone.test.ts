import { describe, expect, it } from "vitest";
import { detectPhone } from "./detect-phone.ts";

const found = (text: string) => [...new Set(detectPhone(text).map((d) => text.slice(d.start, d.end)))];

describe("detectPhone", () => {
  it.each([
    ["Call +49 6051 916 44 10 today", "+49 6051 916 44 10"],
    ["Tel +1 (555) 123-4567", "+1 (555) 123-4567"],
    ["mobile +33 6 12 34 56 78.", "+33 6 12 34 56 78"],
    ["+49 (0) 6051 91644-10", "+49 (0) 6051 91644-10"],
    ["0049 89 1234567", "0049 89 1234567"],
    ["ring (555) 123-4567", "(555) 123-4567"],
    ["ring 555-123-4567", "555-123-4567"],
    ["ring 555.123.4567", "555.123.4567"],
    ["1-800-555-0199 toll free", "1-800-555-0199"],
    ["555-123-4567 ext. 204", "555-123-4567 ext. 204"],
    ["bel 06 12 34 56 78", "06 12 34 56 78"],
    ["London 020 7946 0958", "020 7946 0958"],
    ["Büro 06051 916440", "06051 916440"],
    ["Zentrale 0611 / 123456", "0611 / 123456"],
    ["Tel: 5551234567", "5551234567"],
    ["Fax 0605191644-10", "0605191644-10"],
    ["M: 07700900123", "07700900123"],
    // A colon after the number ends a clause; only a time's colon ("12:30") is refused.
    ["contact +1 (555) 123-4567: 12 cases", "+1 (555) 123-4567"],
    ["Call 020 7946 0958: ask for Ana", "020 7946 0958"],
  ])("masks the number in %j", (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it.each([
    "Delivered 2024-03-15, invoice dated 15.03.2024 at 08:30",
    "Due 03/15/2024 and 15-03-2024",
    "Total $1,234.50 incl. tax, €1.234.567,00 credit",
    "Part HIS-FAS-10077, PO-7781, SO-55021",
    "Order 4500012345 shipped",
    "ZIP 60601, postcode 63667",
    "Art.-Nr. 0815-4711-0042",
    "Lot 20240315 qty 1200",
    "Between 09:00-17:30 weekdays",
    "01.02.2024 10:30 slot",
    "Tracking 1Z999AA10123456784",
    "Invoice INV-2024-00123 for 12,500 units",
    "Ref 00 45 12 88 77 99",
    "Slot 07.11.2025 14:00",
  ])("leaves %j alone", (text) => {
    expect(found(text)).toEqual([]);
  });
});
