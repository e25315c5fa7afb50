import { assertNever, type Block, type KnowledgeDocument } from "../document.ts";

/** A standalone HTML page of the document, as an intranet wiki would export it. */
export function renderHtml(document: KnowledgeDocument, publisher: string): string {
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<title>${escapeHtml(document.title)}</title>`,
    `<meta name="author" content="${escapeHtml(publisher)}">`,
    "<style>body{font-family:sans-serif;max-width:48rem;margin:2rem auto;line-height:1.45}" +
      "table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:.25rem .5rem;text-align:left}</style>",
    "</head>",
    "<body>",
    ...document.blocks.map(renderBlock),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case "heading":
      return `<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`;
    case "paragraph":
      return `<p>${block.label === undefined ? "" : `<strong>${escapeHtml(block.label)}</strong> `}${escapeHtml(block.text)}</p>`;
    case "list": {
      const tag = block.ordered ? "ol" : "ul";
      return `<${tag}>\n${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join("\n")}\n</${tag}>`;
    }
    case "table":
      return [
        "<table>",
        `<thead><tr>${block.columns.map((column) => `<th>${escapeHtml(column)}</th>`).join("")}</tr></thead>`,
        "<tbody>",
        ...block.rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join("")}</tr>`),
        "</tbody>",
        "</table>",
      ].join("\n");
    case "fields":
      return `<dl>\n${block.fields.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`).join("\n")}\n</dl>`;
    case "signatures":
      return block.parties
        .map(
          ({ party, signer, title }) =>
            `<p><strong>${escapeHtml(party)}</strong><br>By: ${escapeHtml(signer)}<br>Title: ${escapeHtml(title)}</p>`,
        )
        .join("\n");
    case "break":
      return "<hr>";
    default:
      return assertNever(block);
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
