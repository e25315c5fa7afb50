import type { DocumentKind } from "../classify/document-kinds.ts";
import type { ExpectedLine } from "../evaluate/score-lines.ts";
import type { DocumentText } from "../text/page-text.ts";
import { createTextReader } from "../text/read-text.ts";

/** What a demo document's `<path>.truth.json` says (the parts the tests read). */
export type DocumentTruth = {
  kind: DocumentKind;
  layout: string;
  fields: Record<string, string | number | boolean>;
  printed: Record<string, string>;
  lines: ExpectedLine[];
};

/**
 * The text PDFs among generated files (the demo's documents, with a truth file beside each), each
 * read by pdf.js (the engine every machine has), with its truth. Scans are left to the bench.
 */
export async function readTextPdfs(
  files: { path: string; content: Buffer | string }[],
): Promise<{ path: string; truth: DocumentTruth; text: DocumentText }[]> {
  const reader = createTextReader({ engines: { pdf: "pdfjs", ocr: "tesseract.js" } });
  try {
    const documents = [];
    for (const file of files) {
      if (!file.path.endsWith(".pdf") || file.path.includes("/scan/")) continue;
      const truth = JSON.parse(
        String(files.find((candidate) => candidate.path === `${file.path}.truth.json`)?.content),
      ) as DocumentTruth;
      documents.push({ path: file.path, truth, text: await reader.read(Buffer.from(file.content)) });
    }
    return documents;
  } finally {
    await reader.close();
  }
}
