import type { RecordTypeName } from "../../modules/records/index.ts";

/** The kinds of knowledge document the demo distributor keeps. */
export type DocumentKind = "customer_contract" | "supplier_agreement" | "sop" | "pricing_policy" | "product_catalog";

export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  "customer_contract",
  "supplier_agreement",
  "sop",
  "pricing_policy",
  "product_catalog",
];

/**
 * A document as blocks of plain text, rendered to Markdown (always: the source questions cite),
 * and to PDF or HTML when asked. Text is never rewrapped or escaped in Markdown, so a sentence a
 * builder wrote is a verbatim substring of the `.md` file.
 */
export type Block =
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  /** `label` is printed in bold before the text, e.g. a clause number and caption. */
  | { kind: "paragraph"; text: string; label?: string }
  | { kind: "list"; ordered: boolean; items: string[] }
  | { kind: "table"; columns: string[]; rows: string[][]; widths?: number[] }
  /** Key facts at the top of a document: effective date, owner, revision. */
  | { kind: "fields"; fields: [label: string, value: string][] }
  | { kind: "signatures"; parties: { party: string; signer: string; title: string }[] }
  /** A new page in print (an exhibit, a schedule); a rule in Markdown and HTML. */
  | { kind: "break" };

export function assertNever(value: never): never {
  throw new Error(`unexpected value ${JSON.stringify(value)}`);
}

export type Rendition = "pdf" | "html";

export type KnowledgeDocument = {
  /** The Markdown source, `knowledge/…/<name>.md`. */
  path: string;
  kind: DocumentKind;
  title: string;
  blocks: Block[];
  /** Other files rendered from the same blocks, beside the Markdown. */
  renditions: Rendition[];
  /** Records the document is about, by record type: external ids. */
  related: Partial<Record<RecordTypeName, string[]>>;
  /** The day the document takes effect (`YYYY-MM-DD`), when it has one. */
  effective?: string;
  expires?: string;
};

/** The path of a rendition: `knowledge/a/b.md` → `knowledge/a/b.pdf`. */
export function renditionPath(document: KnowledgeDocument, rendition: Rendition): string {
  return document.path.replace(/\.md$/, `.${rendition}`);
}

/** Builds blocks in order; the helpers return the text they add, so builders can keep it to cite. */
export class BlockWriter {
  readonly blocks: Block[] = [];

  heading(text: string, level: 1 | 2 | 3 = 2): string {
    this.blocks.push({ kind: "heading", level, text });
    return text;
  }

  paragraph(text: string, label?: string): string {
    this.blocks.push(label === undefined ? { kind: "paragraph", text } : { kind: "paragraph", text, label });
    return text;
  }

  /** A clause made of sentences; returns them, so each can be cited on its own. */
  clause(label: string, ...sentences: string[]): string[] {
    this.paragraph(sentences.join(" "), label);
    return sentences;
  }

  list(items: string[], ordered = false): string[] {
    this.blocks.push({ kind: "list", ordered, items });
    return items;
  }

  table(columns: string[], rows: string[][], widths?: number[]): void {
    this.blocks.push(widths ? { kind: "table", columns, rows, widths } : { kind: "table", columns, rows });
  }

  fields(fields: [string, string][]): void {
    this.blocks.push({ kind: "fields", fields });
  }

  pageBreak(): void {
    this.blocks.push({ kind: "break" });
  }

  signatures(parties: { party: string; signer: string; title: string }[]): void {
    this.blocks.push({ kind: "signatures", parties });
  }
}
