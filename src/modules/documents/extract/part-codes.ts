const pieces = (code: string) => code.split(/[-.\s]+/).filter(Boolean);

/**
 * An OCR'd table's part numbers written as the table writes them: when at least two of its codes
 * read as pieces joined by dashes ("HIS-FAS-10035"), a code of as many pieces with a dash misread as
 * a period or lost to a space ("HIS.JAN 10210") is written with dashes. The pieces are left as read
 * (a letter or digit misread is not told by the others: a supplier's product families differ by one
 * letter as often). Returns the codes, each settled or as it was.
 */
export function settleCodes(codes: string[]): string[] {
  const split = codes.map(pieces);
  const lengths = new Map<number, number>();
  for (const [index, parts] of split.entries())
    if (parts.length > 1 && codes[index] === parts.join("-")) lengths.set(parts.length, (lengths.get(parts.length) ?? 0) + 1);
  const [usual, times] = [...lengths].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  if (times < 2) return codes;
  return codes.map((code, index) => (split[index]?.length === usual ? (split[index] as string[]).join("-") : code));
}
