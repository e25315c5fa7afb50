import type { KnowledgeQuestion } from "./question.ts";

/** The numbers an answer states (amounts, days, percentages, dates), as written: `$1,250.00` → `1,250.00`. */
export function keyFacts(answer: string): string[] {
  return [...answer.matchAll(/\d(?:[\d,]*\d)?(?:\.\d+)?%?/g)].map((match) => match[0]);
}

/** Key facts of an answer that none of its cited passages states. Empty for a well-grounded answer. */
export function ungroundedFacts(question: Pick<KnowledgeQuestion, "answer" | "sources">): string[] {
  const cited = question.sources.map((source) => source.passage).join("\n");
  return keyFacts(question.answer).filter(
    (fact) => !new RegExp(`(?<![\\d.,])${escapeRegExp(fact)}(?![\\d%]|[.,]\\d)`).test(cited),
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
