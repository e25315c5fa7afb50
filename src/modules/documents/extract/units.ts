import { ocrDistance } from "./fuzzy-phrase.ts";

/** Units of measure line items are counted in (UN/ECE Recommendation 20's common codes, and the usual US ones). */
const UNITS = [
  "EA",
  "PC",
  "PCS",
  "BX",
  "CS",
  "CT",
  "PK",
  "PKG",
  "RL",
  "GAL",
  "GA",
  "LB",
  "KG",
  "G",
  "OZ",
  "FT",
  "IN",
  "YD",
  "M",
  "MM",
  "CM",
  "L",
  "ML",
  "DZ",
  "PR",
  "BG",
  "BD",
  "BL",
  "BT",
  "CN",
  "DR",
  "ST",
  "SET",
  "KT",
  "TB",
  "TN",
  "TON",
  "SQ",
  "SF",
  "SY",
  "LF",
  "CF",
  "HR",
  "LT",
  "QT",
  "PT",
  "UN",
  "U",
  "EACH",
  "BOX",
  "CASE",
  "ROLL",
  "PACK",
  "PAIR",
];
const KNOWN = new Set(UNITS);
/** Digits OCR reads for the letters of a unit ("8X" is BX, "6AL" is GAL). */
const AS_LETTER: Record<string, string> = { "0": "O", "1": "I", "2": "Z", "5": "S", "6": "G", "8": "B" };

/**
 * The unit of measure an OCR'd cell spells, as printed or misread by at most one look-alike
 * letter ("8x" BX, "cal" GAL, "RL." RL), or a short word of letters as printed; null when it is
 * no unit (a number, a long word). A unit is a short word, so a freer match would take any two
 * letters for a known one. A cell of one known unit and OCR's noise beside it ("s BX") is that unit.
 */
export function unitOf(printed: string): string | null {
  const known = printed
    .toUpperCase()
    .split(/\s+/)
    .filter((word) => KNOWN.has(word));
  if (known.length === 1) return known[0] as string;
  const letters = printed.toUpperCase().replace(/[^\p{L}\p{N}]/gu, "");
  if (letters === "" || letters.length > 5) return null;
  if (KNOWN.has(letters)) return letters;
  const spelled = [...letters].map((character) => AS_LETTER[character] ?? character).join("");
  if (KNOWN.has(spelled)) return spelled;
  if (spelled.length < 2) return null;
  let best: { unit: string; distance: number } | null = null;
  for (const unit of UNITS) {
    if (unit.length !== spelled.length) continue;
    const distance = ocrDistance(spelled.toLowerCase(), unit.toLowerCase());
    if (distance <= 0.5 && (!best || distance < best.distance)) best = { unit, distance };
  }
  // A unit this list lacks ("DRM", "BAG"), printed plainly, is taken as printed.
  return best?.unit ?? (/^\p{L}{1,4}$/u.test(letters) ? letters : null);
}

/**
 * A table's units settled by one another: a unit OCR misread into no known one ("BK", "GAR") is
 * the known unit of its length one letter away that the table's other lines are in (BX, GAL), when
 * only one is. The units are as `unitOf` reads them; returns each one settled or as it was.
 */
export function settleUnits(units: string[]): string[] {
  const seen = [...new Set(units.filter((unit) => KNOWN.has(unit)))];
  return units.map((unit) => {
    if (KNOWN.has(unit)) return unit;
    const near = seen.filter(
      (other) => other.length === unit.length && ocrDistance(unit.toLowerCase(), other.toLowerCase()) <= 1,
    );
    return near.length === 1 ? (near[0] as string) : unit;
  });
}
