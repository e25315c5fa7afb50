import type { DemoFile } from "../../world.ts";
import { type KnowledgeDocument, renditionPath } from "../document.ts";
import { renderHtml } from "./html.ts";
import { renderMarkdown } from "./markdown.ts";
import { renderPdf } from "./pdf.ts";

export type RenderOptions = { publisher: string; date: string };

/** The Markdown source of a document, and each rendition it asks for. */
export function renderDocument(document: KnowledgeDocument, options: RenderOptions): DemoFile[] {
  const files: DemoFile[] = [{ path: document.path, content: renderMarkdown(document) }];
  for (const rendition of document.renditions) {
    const path = renditionPath(document, rendition);
    switch (rendition) {
      case "pdf":
        files.push({
          path,
          content: renderPdf(document, { author: options.publisher, date: document.effective ?? options.date }),
        });
        break;
      case "html":
        files.push({ path, content: renderHtml(document, options.publisher) });
        break;
    }
  }
  return files;
}
