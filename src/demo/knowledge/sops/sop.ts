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

/** The document of an SOP numbered `number`, titled `title`, from the blocks its writer wrote. */
export function sopDocument(
  path: string,
  number: string,
  title: string,
  blocks: KnowledgeDocument["blocks"],
  options: { renditions?: KnowledgeDocument["renditions"]; related?: KnowledgeDocument["related"] } = {},
): KnowledgeDocument {
  return {
    path,
    kind: "sop",
    title: `${number} ${title}`,
    blocks,
    renditions: options.renditions ?? [],
    related: options.related ?? {},
  };
}
