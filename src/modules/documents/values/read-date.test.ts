import { describe, expect, it } from "vitest";
import { readDate } from "./read-date.ts";

describe("readDate", () => {
  it.each([
    ["2025-03-14", "2025-03-14"],
    ["20250314", "2025-03-14"],
    ["03/14/2025", "2025-03-14"],
    ["3/14/25", "2025-03-14"],
    ["14-Mar-2026", "2026-03-14"],
    ["14-Feb-2026", "2026-02-14"],
    ["March 14, 2025", "2025-03-14"],
    ["November 1,  2025", "2025-11-01"],
    ["Mar 14 2025", "2025-03-14"],
    ["14 mars 2025", "2025-03-14"],
    ["14. März 2025", "2025-03-14"],
    ["14 maart 2025", "2025-03-14"],
    ["14.03.2025", "2025-03-14"],
    ["31/01/2025", "2025-01-31"],
    ["06/30/99", "1999-06-30"],
    ["August 3 , 2014", "2014-08-03"],
    ["1er Juillet 2015", "2015-07-01"],
    ["1st July 2015", "2015-07-01"],
  ])("reads %s as %s", (printed, date) => {
    expect(readDate(printed)).toBe(date);
  });

  it("reads an all-number date in the document's order unless a number can only be a day", () => {
    expect(readDate("04/05/2025")).toBe("2025-04-05");
    expect(readDate("04/05/2025", { order: "day-first" })).toBe("2025-05-04");
    expect(readDate("13/05/2025", { order: "month-first" })).toBe("2025-05-13");
  });

  it.each(["", "2025-02-30", "02/29/2023", "Smarch 14, 2025", "14-Mar", "NET30", "12/17/2024 - 01/15/2025"])(
    "reads %j as no date",
    (printed) => {
      expect(readDate(printed)).toBeNull();
    },
  );
});
