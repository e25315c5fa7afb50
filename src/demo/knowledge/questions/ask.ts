import type { Random } from "../../random.ts";
import type { KnowledgeDocument } from "../document.ts";
import { answered, type QuestionCandidate } from "./question.ts";

/**
 * Collects questions answered from one document: each asks in one of its wordings, and is dropped
 * when a passage it needs is absent (the document did not state that term).
 */
export function questionsOn(document: KnowledgeDocument, random: Random) {
  const questions: QuestionCandidate[] = [];
  const ask = (topic: string, variants: string[], answer: string, ...passages: (string | undefined)[]) => {
    const cited = passages.filter((passage): passage is string => passage !== undefined);
    if (cited.length !== passages.length || cited.length === 0) return;
    questions.push(
      answered(
        topic,
        random.pick(variants),
        answer,
        cited.map((passage): [KnowledgeDocument, string] => [document, passage]),
      ),
    );
  };
  return { questions, ask };
}
