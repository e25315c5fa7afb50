import type { KnowledgeDocument } from "../document.ts";

/** A standard operating procedure: its drawn rules, and the sentences it states each one in (for questions to cite). */
export type Sop<Terms, Passages> = {
  document: KnowledgeDocument;
  /** The procedure's number, e.g. `SOP-CS-101`. */
  number: string;
  title: string;
  terms: Terms;
  passages: Passages & { owner: string; effective: string };
};
