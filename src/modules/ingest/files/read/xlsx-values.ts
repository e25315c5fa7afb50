/** Built-in number formats that show a date or a time (ECMA-376 18.8.30). */
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** Whether a number format code shows a date or time: d, m, y, h or s outside quotes, escapes and [brackets]. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?!h\]|hh\]|m\]|mm\]|s\]|ss\])[^\]]*\]/gi, "");
  const firstSection = bare.split(";")[0] ?? "";
  return /[dmyhs]/i.test(firstSection) && !/^general$/i.test(firstSection.trim());
}

export function isDateFormatId(id: number, custom: ReadonlyMap<number, string>): boolean {
  const code = custom.get(id);
  return code !== undefined ? isDateFormat(code) : DATE_FORMAT_IDS.has(id);
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/**
 * An Excel date serial as ISO text without a zone (a workbook keeps none): `2024-05-14` for a whole
 * day, `2024-05-14T08:30:00` with a time, `08:30:00` for a time alone. Days count from 1899-12-30
 * (so 60, Excel's 29 February 1900, which never was, reads as 1 March), or from 1904-01-01.
 */
export function excelSerialToIso(serial: number, date1904: boolean): string {
  const days = date1904 ? serial + 1462 : serial;
  const millis = Math.round((days - 25_569) * 86_400) * 1000;
  const at = new Date(millis);
  const date = `${pad(at.getUTCFullYear(), 4)}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
  const time = `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}`;
  if (serial >= 0 && serial < 1) return time;
  return millis % 86_400_000 === 0 ? date : `${date}T${time}`;
}

/** A cell reference's column, from 0: `A1` → 0, `AB7` → 27. */
export function columnIndex(reference: string): number | undefined {
  let index = 0;
  let letters = 0;
  for (const char of reference) {
    const code = char.charCodeAt(0);
    if (code >= 65 && code <= 90) index = index * 26 + (code - 64);
    else if (code >= 97 && code <= 122) index = index * 26 + (code - 96);
    else break;
    letters++;
  }
  return letters === 0 || letters > 3 ? undefined : index - 1;
}

/** A numeric cell's text as a JSON number when it reads back the same, else the text (digits beyond a double's). */
export function numberCell(text: string): number | string {
  const value = Number(text);
  return Number.isFinite(value) && (String(value) === text || !/^-?\d{16,}$/.test(text)) ? value : text;
}
