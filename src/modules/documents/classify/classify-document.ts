import type { DocumentText } from "../text/page-text.ts";
import { CUES, type DocumentKind } from "./document-kinds.ts";

export type Classification = {
  kind: DocumentKind;
  /** 0–1: how clearly the cues point at this kind rather than another, and how many there are. */
  confidence: number;
  /** Each kind's score, for the reviewer and for tuning. */
  scores: Record<Exclude<DocumentKind, "other">, number>;
  /** The cues that decided, as found in the text ("title 'INVOICE' at the top of page 1"). */
  reasons: string[];
};

/** Below this score nothing is claimed: the document is "other" and goes to a person. */
const MINIMUM_SCORE = 1;

/** The top of the first page, where a document names itself: the first quarter of its height. */
function headText(text: DocumentText): string {
  const first = text.pages[0];
  if (!first) return "";
  return first.words
    .filter((word) => word.box.y1 <= first.height * 0.25)
    .map((word) => word.text)
    .join(" ");
}

const normalise = (text: string) => text.toLowerCase().replace(/[ \t]+/g, " ");

const escapeRegExp = (character: string) => character.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A title as a pattern: its letters with or without spaces between them, its words with any space. */
function titlePattern(title: string): RegExp {
  const words = title.split(" ").map((word) => [...word].map(escapeRegExp).join(" ?"));
  return new RegExp(`(?<![\\p{L}])${words.join(" *")}(?![\\p{L}])`, "u");
}

const TITLES = Object.fromEntries(Object.entries(CUES).map(([kind, cues]) => [kind, cues.titles.map(titlePattern)])) as Record<
  keyof typeof CUES,
  RegExp[]
>;

/** Whether `text` names a kind of document ("Purchase Order", "FACTUUR", "I N V O I C E"). */
export function namesAKind(text: string): boolean {
  const folded = normalise(text);
  return Object.values(TITLES).some((titles) => titles.some((title) => title.test(folded)));
}

/**
 * Which kind a document is, from its text: a title at the top of the first page counts 3, a title
 * elsewhere on the first page 1 (a PO's "quote our order number on your invoice" mentions another
 * kind), and each kind's field labels on the first page add their weights. The kind with the
 * highest score wins if it reaches MINIMUM_SCORE; the confidence is its share of the two highest
 * scores, damped while the score is low.
 */
export function classifyDocument(text: DocumentText): Classification {
  const head = normalise(headText(text));
  const page = normalise(text.pages[0]?.text ?? "");
  const scores = {} as Classification["scores"];
  const found: Record<string, string[]> = {};
  for (const [kind, cues] of Object.entries(CUES) as [keyof typeof CUES, (typeof CUES)[keyof typeof CUES]][]) {
    let score = 0;
    const reasons: string[] = [];
    const titleAtTop = TITLES[kind].map((title) => head.match(title)?.[0]).find(Boolean);
    const titleOnPage = titleAtTop ? undefined : TITLES[kind].map((title) => page.match(title)?.[0]).find(Boolean);
    if (titleAtTop) {
      score += 3;
      reasons.push(`title "${titleAtTop}" at the top of page 1`);
    } else if (titleOnPage) {
      score += 1;
      reasons.push(`"${titleOnPage}" on page 1`);
    }
    for (const label of cues.labels) {
      const match = page.match(label.pattern)?.[0];
      if (!match) continue;
      score += label.weight;
      reasons.push(`label "${match.trim()}"`);
    }
    scores[kind] = Math.round(score * 100) / 100;
    found[kind] = reasons;
  }
  const ranked = (Object.entries(scores) as [keyof typeof CUES, number][]).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked as [[keyof typeof CUES, number], [keyof typeof CUES, number]];
  if (best[1] < MINIMUM_SCORE) {
    return {
      kind: "other",
      confidence: Math.round((1 - best[1] / MINIMUM_SCORE) * 100) / 100,
      scores,
      reasons: ["no kind's title or labels found"],
    };
  }
  const share = best[1] / (best[1] + second[1]);
  const strength = 1 - Math.exp(-best[1] / 1.5);
  return { kind: best[0], confidence: Math.round(share * strength * 100) / 100, scores, reasons: found[best[0]] ?? [] };
}
