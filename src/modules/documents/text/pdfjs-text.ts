import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { FoundWord } from "./page-text.ts";
import { TextReadError } from "./text-read-error.ts";

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
type PdfDocument = Awaited<ReturnType<PdfJs["getDocument"]>["promise"]>;

let loaded: Promise<PdfJs> | undefined;
/** pdf.js is large: loaded on first use, once. */
const pdfjs = () => {
  loaded ??= import("pdfjs-dist/legacy/build/pdf.mjs");
  return loaded;
};

const require = createRequire(import.meta.url);
/** The standard fonts pdf.js needs to draw a page that uses one without embedding it: from the package, never fetched. */
const STANDARD_FONTS = `${pathToFileURL(path.join(path.dirname(require.resolve("pdfjs-dist/package.json")), "standard_fonts")).href}/`;

/** Opens a PDF with pdf.js; a password, or bytes that are not a PDF pdf.js can read, is a TextReadError. */
export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const { getDocument } = await pdfjs();
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    standardFontDataUrl: STANDARD_FONTS,
    verbosity: 0,
  });
  try {
    return await task.promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === "PasswordException") throw new TextReadError("encrypted", "The PDF is protected by a password");
    throw new TextReadError("corrupt", `The PDF cannot be read: ${(error as Error).message}`);
  }
}

/**
 * A page's words from its text layer, with boxes in points from the top left. pdf.js gives runs of
 * text with their start and advance; a run's words share its width by their character counts
 * (close enough to point at them).
 */
export async function pdfjsPageWords(document: PdfDocument, pageNumber: number) {
  const page = await document.getPage(pageNumber);
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const words: FoundWord[] = [];
  for (const item of content.items) {
    if (!("str" in item) || item.str.trim() === "") continue;
    const [a, b, , , e, f] = item.transform as number[];
    const size = Math.hypot(a ?? 0, b ?? 0) || item.height;
    // Text space to the viewport (top-left origin): the baseline at f, ascent ~0.8 of the size above it, descent ~0.2 below.
    const [x, baseline] = viewport.convertToViewportPoint(e ?? 0, f ?? 0) as [number, number];
    const characters = [...item.str].length;
    const advance = characters > 0 ? item.width / characters : 0;
    for (const match of item.str.matchAll(/\S+/g)) {
      const x0 = x + advance * [...item.str.slice(0, match.index)].length;
      const x1 = x0 + advance * [...match[0]].length;
      words.push({ text: match[0], box: { x0, y0: baseline - size * 0.8, x1, y1: baseline + size * 0.2 } });
    }
  }
  page.cleanup();
  return { width: viewport.width, height: viewport.height, words };
}

/** One page drawn as a PNG at `dpi` (white behind it), for OCR where poppler is not installed. */
export async function pdfjsRender(document: PdfDocument, pageNumber: number, dpi: number): Promise<Buffer> {
  const page = await document.getPage(pageNumber);
  const viewport = page.getViewport({ scale: dpi / 72 });
  const factory = document.canvasFactory as unknown as {
    create(
      width: number,
      height: number,
    ): {
      canvas: { encode(format: "png"): Promise<Buffer> };
      context: { fillStyle: string; fillRect(x: number, y: number, width: number, height: number): void };
    };
    destroy(entry: unknown): void;
  };
  const entry = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
  try {
    entry.context.fillStyle = "#ffffff";
    entry.context.fillRect(0, 0, Math.ceil(viewport.width), Math.ceil(viewport.height));
    await page.render({ canvas: entry.canvas as never, canvasContext: entry.context, viewport }).promise;
    return await entry.canvas.encode("png");
  } finally {
    factory.destroy(entry);
    page.cleanup();
  }
}
