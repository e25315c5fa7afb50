import type { ExtractedLine } from "../extract/extracted.ts";

/** What a line should say: its fields normalised (as extraction normalises them) and as printed. */
export type ExpectedLine = { fields: Record<string, string | number | boolean>; printed: Record<string, string> };

/** Counts of fields right, wrong or extra (false positives) and missed (false negatives). */
export type FieldCounts = { truePositives: number; falsePositives: number; falseNegatives: number };

export const emptyCounts = (): FieldCounts => ({ truePositives: 0, falsePositives: 0, falseNegatives: 0 });

export function addCounts(into: FieldCounts, more: FieldCounts): FieldCounts {
  into.truePositives += more.truePositives;
  into.falsePositives += more.falsePositives;
  into.falseNegatives += more.falseNegatives;
  return into;
}

export function f1Of(counts: FieldCounts) {
  const precision = counts.truePositives / Math.max(1, counts.truePositives + counts.falsePositives);
  const recall = counts.truePositives / Math.max(1, counts.truePositives + counts.falseNegatives);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

const collapse = (text: string) => text.replace(/\s+/g, " ").trim();

/** Whether an extracted value is the expected one: numbers as numbers, yes/no as "true"/"false", text as printed (spacing aside). */
export function sameValue(extracted: string, expected: string | number | boolean, printed: string | undefined): boolean {
  if (typeof expected === "boolean") return extracted === String(expected);
  if (typeof expected === "number" || (typeof expected === "string" && /^-?\d+(\.\d+)?$/.test(expected))) {
    return Number(extracted) === Number(expected);
  }
  // Dates and times are compared as normalised (a time in UTC), not as printed (a local time).
  if (typeof expected === "string" && /^\d{4}-\d{2}-\d{2}(T[\d:]+(\.\d+)?Z)?$/.test(expected)) return extracted === expected;
  return collapse(extracted) === collapse(printed ?? String(expected));
}

function agreement(line: ExtractedLine, expected: ExpectedLine): number {
  let same = 0;
  for (const [field, value] of Object.entries(expected.fields)) {
    const found = line.fields[field];
    if (found && sameValue(found.value, value, expected.printed[field])) same += 1;
  }
  return same;
}

/**
 * Field-level counts of extracted lines against the expected ones: each expected line is paired
 * with the extracted line that agrees with it most (in order, each used once); a field is right
 * when the values agree, wrong (a false positive and a false negative) when they differ, missed
 * when not extracted; fields of extracted lines paired with nothing are false positives.
 */
export function scoreLines(extracted: ExtractedLine[], expected: ExpectedLine[]): FieldCounts {
  const counts = emptyCounts();
  const used = new Set<number>();
  for (const line of expected) {
    let best = -1;
    let bestAgreement = 0;
    for (const [index, candidate] of extracted.entries()) {
      if (used.has(index)) continue;
      const agreed = agreement(candidate, line);
      if (agreed > bestAgreement) {
        best = index;
        bestAgreement = agreed;
      }
    }
    const match = best >= 0 ? extracted[best] : undefined;
    if (match) used.add(best);
    for (const [field, value] of Object.entries(line.fields)) {
      const found = match?.fields[field];
      if (!found) counts.falseNegatives += 1;
      else if (sameValue(found.value, value, line.printed[field])) counts.truePositives += 1;
      else {
        counts.falsePositives += 1;
        counts.falseNegatives += 1;
      }
    }
    if (match) {
      for (const field of Object.keys(match.fields)) if (!(field in line.fields)) counts.falsePositives += 1;
    }
  }
  for (const [index, line] of extracted.entries()) if (!used.has(index)) counts.falsePositives += Object.keys(line.fields).length;
  return counts;
}
