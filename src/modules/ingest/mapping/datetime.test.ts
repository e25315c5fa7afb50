import { describe, expect, it } from "vitest";
import { formatMoment, parseDatetimeFormat, parseZone, type Zone } from "./datetime.ts";

function read(format: string, value: unknown, as: "date" | "timestamp", timezone?: string): string {
  const compiled = parseDatetimeFormat(format);
  if (!compiled.ok) throw new Error(compiled.message);
  const moment = compiled.value.read(value);
  if (!moment.ok) return `error: ${moment.message}`;
  let zone: Zone | undefined;
  if (timezone) {
    const parsed = parseZone(timezone);
    if (!parsed.ok) throw new Error(parsed.message);
    zone = parsed.value;
  }
  const text = formatMoment(moment.value, as, zone);
  return text.ok ? text.value : `error: ${text.message}`;
}

describe("datetime formats", () => {
  it("reads ISO 8601 with an offset, and keeps the day as written", () => {
    expect(read("iso", "2024-05-14T21:41:27-04:00", "timestamp")).toBe("2024-05-15T01:41:27.000Z");
    expect(read("iso", "2024-05-14T21:41:27-04:00", "date")).toBe("2024-05-14");
    expect(read("iso", "2024-05-14T21:41:27-04:00", "date", "UTC")).toBe("2024-05-15");
    expect(read("iso", "2024-05-14", "date")).toBe("2024-05-14");
    expect(read("iso", "2024-05-14t10:00:00.123456z", "timestamp")).toBe("2024-05-14T10:00:00.123Z");
  });

  it("reads epoch seconds and milliseconds", () => {
    expect(read("epoch_seconds", 1715805480, "timestamp")).toBe("2024-05-15T20:38:00.000Z");
    expect(read("epoch_seconds", "1715805480", "date")).toBe("2024-05-15");
    expect(read("epoch_millis", 1715805480123, "timestamp")).toBe("2024-05-15T20:38:00.123Z");
    expect(read("epoch_seconds", 1715805480, "date", "America/Los_Angeles")).toBe("2024-05-15");
    expect(read("epoch_seconds", 1715734800, "date", "America/Los_Angeles")).toBe("2024-05-14");
    expect(read("epoch_seconds", "soon", "timestamp")).toMatch(/^error: is not a number of seconds/);
    expect(read("epoch_seconds", 1e15, "timestamp")).toBe("error: is out of range");
  });

  it("reads patterns such as YYYYMMDD, MM/DD/YYYY and YYMMDD HHmm", () => {
    expect(read("YYYYMMDD", "20240514", "date")).toBe("2024-05-14");
    expect(read("YYYYMMDD", 20240514, "date")).toBe("2024-05-14");
    expect(read("M/D/YYYY", "5/4/2024", "date")).toBe("2024-05-04");
    expect(read("YYMMDD", "991231", "date")).toBe("1999-12-31");
    expect(read("YYMMDD", "240229", "date")).toBe("2024-02-29");
    expect(read("YYYYMMDD", "20230229", "date")).toBe("error: is not a real date or time");
    expect(read("YYYYMMDD", "2024-05-14", "date")).toBe("error: does not match the format YYYYMMDD");
    expect(read("DD.MM.YYYY HH:mm", "14.05.2024 08:30", "timestamp", "Europe/Berlin")).toBe("2024-05-14T06:30:00.000Z");
    expect(read("YYYY-MM-DDTHH:mm:ssZ", "2024-05-14T08:30:00+0200", "timestamp")).toBe("2024-05-14T06:30:00.000Z");
  });

  it("refuses a time without an offset unless a zone says where it was written", () => {
    expect(read("iso", "2024-05-14T08:30:00", "timestamp")).toMatch(/^error: is a time without an offset: set datetime.timezone/);
    expect(read("iso", "2024-05-14", "timestamp")).toMatch(/^error: is a date without a time/);
    expect(read("iso", "2024-05-14", "timestamp", "-05:00")).toBe("2024-05-14T05:00:00.000Z");
    expect(read("iso", "2024-01-15T08:00:00", "timestamp", "America/Chicago")).toBe("2024-01-15T14:00:00.000Z");
    expect(read("iso", "2024-07-15T08:00:00", "timestamp", "America/Chicago")).toBe("2024-07-15T13:00:00.000Z");
  });

  it("refuses bad patterns and zones when compiled", () => {
    expect(parseDatetimeFormat("yyyyMMdd")).toMatchObject({ ok: false });
    expect(parseDatetimeFormat("YYYYMM")).toMatchObject({ ok: false, message: expect.stringContaining("needs a year") });
    expect(parseDatetimeFormat("YYYYMMDDYY")).toMatchObject({ ok: false, message: expect.stringContaining("year twice") });
    expect(parseZone("Mars/Olympus")).toMatchObject({ ok: false });
    expect(parseZone("+05:30")).toMatchObject({ ok: true });
  });
});
