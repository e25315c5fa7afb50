import type { DocumentKind, KnowledgeDocument } from "../document.ts";

/**
 * - `fact`: answered by one document.
 * - `multi_hop`: needs passages from two or more documents (a contract and a procedure, say).
 * - `unanswerable`: the documents do not say; a copilot should decline rather than guess.
 */
export type QuestionKind = "fact" | "multi_hop" | "unanswerable";

/** Where an answer is written: `passage` is an exact substring of the file at `path` (the Markdown, for a PDF). */
export type QuestionSource = { path: string; passage: string };

export type KnowledgeQuestion = {
  id: string;
  kind: QuestionKind;
  /** What the question is about, e.g. `returns.window` or `supplier.lead_time`. */
  topic: string;
  /** The kinds of document the answer is in (for `unanswerable`, where someone would look). */
  documentKinds: DocumentKind[];
  question: string;
  answer: string;
  sources: QuestionSource[];
  /** For `unanswerable`: phrases no document contains, which is why there is no answer. */
  absentTerms?: string[];
};

export type QuestionCandidate = Omit<KnowledgeQuestion, "id">;

export const UNANSWERABLE_ANSWER = "Not stated in the documents.";

/** A source on a document. */
function cite(document: KnowledgeDocument, passage: string): QuestionSource {
  return { path: document.path, passage };
}

/** A question answered from one document or several; `multi_hop` when its sources span more than one file. */
export function answered(
  topic: string,
  question: string,
  answer: string,
  sources: [KnowledgeDocument, string][],
): QuestionCandidate {
  const paths = new Set(sources.map(([document]) => document.path));
  const kinds = [...new Set(sources.map(([document]) => document.kind))];
  return {
    kind: paths.size > 1 ? "multi_hop" : "fact",
    topic,
    documentKinds: kinds,
    question,
    answer,
    sources: sources.map(([document, passage]) => cite(document, passage)),
  };
}
