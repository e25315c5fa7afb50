export type { DocumentKind } from "./document.ts";
export { generateKnowledge } from "./generate-knowledge.ts";
export type { KnowledgeManifest, ManifestEntry } from "./manifest.ts";
export type { KnowledgeQuestion, QuestionKind, QuestionSource } from "./questions/question.ts";
