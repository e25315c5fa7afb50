import { describe, expect, it } from "vitest";
import { compileDateFormat, type DateFormat } from "./parse-date.ts";

function format(text: string): DateFormat {
  const compiled = compileDateFormat(text);
  if (!compiled.ok) throw new Error(compiled.message);
  return compiled.value;
}

describe("compileDateFormat", () => {
  it("reads day-first, month-first and ISO dates into YYYY-MM-DD", () => {
    expect(format("DD/MM/YYYY").parse("03/04/2024")).toEqual({ ok: true, value: "2024-04-03" });
    expect(format("MM/DD/YYYY").parse("03/04/2024")).toEqual({ ok: true, value: "2024-03-04" });
    expect(format("YYYY-MM-DD").parse("2024-12-31")).toEqual({ ok: true, value: "2024-12-31" });
    expect(format("D.M.YYYY").parse("7.4.2024")).toEqual({ ok: true, value: "2024-04-07" });
    expect(format("DD-MMM-YY").parse("01-Feb-24")).toEqual({ ok: true, value: "2024-02-01" });
    expect(format("YYYYMMDD").parse("20240229")).toEqual({ ok: true, value: "2024-02-29" });
  });

  it("reads two-digit years into 1970–2069", () => {
    expect(format("DD/MM/YY").parse("01/01/69")).toEqual({ ok: true, value: "2069-01-01" });
    expect(format("DD/MM/YY").parse("01/01/70")).toEqual({ ok: true, value: "1970-01-01" });
  });

  it("writes a timestamp with the given UTC offset when the format has a time", () => {
    expect(format("DD.MM.YYYY HH:mm").parse("01.05.2024 14:30", "+02:00")).toEqual({
      ok: true,
      value: "2024-05-01T14:30:00+02:00",
    });
    expect(format("YYYY-MM-DD HH:mm:ss").parse("2024-05-01 07:05:09", "Z")).toEqual({ ok: true, value: "2024-05-01T07:05:09Z" });
  });

  it("refuses values that do not match the format or name a day that does not exist", () => {
    expect(format("DD/MM/YYYY").parse("2024-04-03")).toEqual({
      ok: false,
      message: '"2024-04-03" is not a date in the format DD/MM/YYYY',
    });
    expect(format("DD/MM/YYYY").parse("31/02/2024").ok).toBe(false);
    expect(format("MM/DD/YYYY").parse("13/01/2024").ok).toBe(false);
    expect(format("YYYY-MM-DD").parse("2023-02-29").ok).toBe(false);
    expect(format("DD.MM.YYYY HH:mm").parse("01.05.2024 24:00", "Z").ok).toBe(false);
  });

  it("refuses formats it cannot read, saying which token to use", () => {
    expect(compileDateFormat("dd/mm/yyyy")).toEqual({
      ok: false,
      message: '"dd/mm/yyyy": unknown token "d" at position 1; use DD or D for the day',
    });
    expect(compileDateFormat("MM/YYYY")).toMatchObject({
      ok: false,
      message: expect.stringContaining("needs a year (YYYY), a month (MM) and a day (DD)"),
    });
    expect(compileDateFormat("DD/MM/YYYY/DD")).toMatchObject({
      ok: false,
      message: expect.stringContaining("names the day twice"),
    });
    expect(compileDateFormat("DD/MM/YYYY HH")).toMatchObject({
      ok: false,
      message: expect.stringContaining("a time needs hours (HH) and minutes (mm)"),
    });
  });
});
