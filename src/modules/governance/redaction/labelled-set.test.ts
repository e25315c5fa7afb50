import { describe, expect, it } from "vitest";
import { LABELLED_SNIPPETS, type LabelledSnippet } from "./labelled-snippets.ts";
import { PERSONAL_DATA_KINDS, type PersonalDataKind } from "./personal-data.ts";
import { redactPersonalData } from "./redact.ts";
import { restorePersonalData } from "./restore.ts";
import { SECOND_BATCH_SNIPPETS } from "./second-batch-snippets.ts";
import { UNSEEN_SNIPPETS } from "./unseen-snippets.ts";

type Span = { kind: PersonalDataKind; start: number; end: number };

/** Every whole-token occurrence of each labelled value (a value is not found inside a longer token). */
function expectedSpans(text: string, spans: [PersonalDataKind, string][]): Span[] {
  return spans.flatMap(([kind, value]) => {
    const out: Span[] = [];
    for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + 1)) {
      const before = text[at - 1] ?? " ";
      const after = text[at + value.length] ?? " ";
      if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) out.push({ kind, start: at, end: at + value.length });
    }
    if (out.length === 0) throw new Error(`labelled value ${JSON.stringify(value)} is not in ${JSON.stringify(text)}`);
    return out;
  });
}

const same = (a: Span, b: Span) => a.kind === b.kind && a.start === b.start && a.end === b.end;

function measure(snippets: LabelledSnippet[]) {
  const perKind = new Map(PERSONAL_DATA_KINDS.map((kind) => [kind, { expected: 0, recalled: 0, detected: 0, correct: 0 }]));
  const misses: string[] = [];
  for (const { text, spans } of snippets) {
    const expected = expectedSpans(text, spans);
    const detected: Span[] = redactPersonalData(text).found;
    for (const e of expected) {
      const row = perKind.get(e.kind);
      if (!row) continue;
      row.expected++;
      if (detected.some((d) => same(d, e))) row.recalled++;
      else misses.push(`missed ${e.kind} ${JSON.stringify(text.slice(e.start, e.end))}`);
    }
    for (const d of detected) {
      const row = perKind.get(d.kind);
      if (!row) continue;
      row.detected++;
      if (expected.some((e) => same(d, e))) row.correct++;
      else misses.push(`false ${d.kind} ${JSON.stringify(text.slice(d.start, d.end))}`);
    }
  }
  return { perKind, misses };
}

const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);

function report(title: string, snippets: LabelledSnippet[]) {
  const { perKind, misses } = measure(snippets);
  const totals = [...perKind.values()].reduce((t, r) => ({ detected: t.detected + r.detected, correct: t.correct + r.correct }), {
    detected: 0,
    correct: 0,
  });
  const precision = ratio(totals.correct, totals.detected);
  const rows = [...perKind].map(
    ([kind, r]) =>
      `${kind.padEnd(13)} recall ${ratio(r.recalled, r.expected).toFixed(3)} (${r.recalled}/${r.expected})  precision ${ratio(r.correct, r.detected).toFixed(3)} (${r.correct}/${r.detected})`,
  );
  console.log(
    [
      `${title}: ${snippets.length} snippets; a detection counts only with the exact span and kind`,
      ...rows,
      `overall precision ${precision.toFixed(3)} (${totals.correct}/${totals.detected})`,
      ...misses,
    ].join("\n"),
  );
  return { perKind, precision };
}

const ALL = [...LABELLED_SNIPPETS, ...SECOND_BATCH_SNIPPETS, ...UNSEEN_SNIPPETS];

describe("the labelled set", () => {
  report("unseen batch (never tuned on)", UNSEEN_SNIPPETS);
  const { perKind, precision } = report("whole set", ALL);

  it("has at least 150 snippets", () => {
    expect(ALL.length).toBeGreaterThanOrEqual(150);
  });

  it.each(["email", "phone", "card", "iban", "bank_account"] as const)("recalls %s at 0.98 or better", (kind) => {
    const row = perKind.get(kind);
    expect(row?.expected).toBeGreaterThan(0);
    expect(ratio(row?.recalled ?? 0, row?.expected ?? 0)).toBeGreaterThanOrEqual(0.98);
  });

  it("is precise at 0.95 or better overall", () => {
    expect(precision).toBeGreaterThanOrEqual(0.95);
  });

  it.each(ALL.map((snippet) => [snippet.text]))("restores %j exactly", (text) => {
    const { text: masked, found } = redactPersonalData(text);
    expect(restorePersonalData(masked, found)).toBe(text);
  });
});
