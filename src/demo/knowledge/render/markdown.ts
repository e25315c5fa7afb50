import { assertNever, type Block, type KnowledgeDocument } from "../document.ts";

/** The Markdown of a document: every sentence of its blocks appears in it exactly as written. */
export function renderMarkdown(document: KnowledgeDocument): string {
  return `${document.blocks.map(renderBlock).join("\n\n")}\n`;
}

/** One table row as the Markdown holds it; questions cite a row by this text. */
export function markdownTableRow(cells: readonly string[]): string {
  return `| ${cells.map((cell) => cell.replace(/\|/g, "\\|")).join(" | ")} |`;
}

/** One field of a `fields` block as the Markdown holds it. */
export function markdownField(label: string, value: string): string {
  return `${label}: ${value}`;
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case "heading":
      return `${"#".repeat(block.level)} ${block.text}`;
    case "paragraph":
      return block.label === undefined ? block.text : `**${block.label}** ${block.text}`;
    case "list":
      return block.items.map((item, index) => `${block.ordered ? `${index + 1}.` : "-"} ${item}`).join("\n");
    case "table":
      return [
        markdownTableRow(block.columns),
        markdownTableRow(block.columns.map(() => "---")),
        ...block.rows.map(markdownTableRow),
      ].join("\n");
    case "fields":
      return block.fields.map(([label, value]) => `- ${markdownField(label, value)}`).join("\n");
    case "signatures":
      return block.parties
        .map(({ party, signer, title }) => [`**${party}**`, "", `By: ${signer}`, "", `Title: ${title}`].join("\n"))
        .join("\n\n");
    case "break":
      return "---";
    default:
      return assertNever(block);
  }
}
