import { describe, expect, it } from "vitest";
import { readPeriod } from "./read-period.ts";

describe("readPeriod", () => {
  it.each([
    ["du 1er au 31 Juillet 2015", "2015-07-01", "2015-07-31"],
    ["July 1 - July 31 , 2014", "2014-07-01", "2014-07-31"],
    ["from 1 July 2015 to 31 July 2015", "2015-07-01", "2015-07-31"],
    ["vom 01.05.2014 bis 31.05.2014", "2014-05-01", "2014-05-31"],
    ["01.05.14-31.05.14", "2014-05-01", "2014-05-31"],
    ["14-Mar-2026 - 20-Mar-2026", "2026-03-14", "2026-03-20"],
    ["December 15 - January 14, 2025", "2024-12-15", "2025-01-14"],
  ])("reads %s", (printed, start, end) => {
    expect(readPeriod(printed, { order: "day-first" })).toEqual({ start, end });
  });

  it("reads no period from one date, nor one that ends before it starts", () => {
    expect(readPeriod("du 02 Juillet 2015")).toBeNull();
    expect(readPeriod("31 Juillet 2015 au 1 Juillet 2015")).toBeNull();
    expect(readPeriod("Invoice 42 - Page 2")).toBeNull();
  });
});
