import { composeLayout } from "./compose-layout.ts";
import { chooseEngines, type Engines } from "./engines.ts";
import { toPgm } from "./gray-image.ts";
import type { DocumentText, FoundWord, PageText, TextEngine } from "./page-text.ts";
import { openPdf, pdfjsPageWords, pdfjsRender } from "./pdfjs-text.ts";
import { popplerRender, popplerWords } from "./poppler.ts";
import { prepareScan } from "./prepare-scan.ts";
import { tesseractWords } from "./tesseract-cli.ts";
import { TesseractJs } from "./tesseract-js.ts";
import { TextReadError } from "./text-read-error.ts";

export type TextReaderOptions = {
  engines?: Engines;
  /** Pages drawn for OCR at this resolution (tesseract reads best with capital letters 20–30 px tall). */
  ocrDpi?: number;
  /** A PDF with more pages is refused (a 500-page scan would hold the OCR queue for an hour). */
  maxPages?: number;
  /** Level, clean and enlarge a scan before OCR (`prepareScan`); on unless turned off (to compare). */
  prepareScans?: boolean;
};

/** A page with fewer words than this in its text layer is read by OCR (a scan, perhaps with a stamped header). */
const TEXT_LAYER_WORDS = 3;

export type TextReader = {
  readonly engines: Engines;
  /** A PDF's or an image's text, page by page, each page saying which engine read it. */
  read(bytes: Uint8Array): Promise<DocumentText>;
  close(): Promise<void>;
};

/** What kind of file the bytes are, by their first bytes (a name or a declared type may lie). */
export function sniffType(bytes: Uint8Array): "pdf" | "png" | "jpeg" | "tiff" | null {
  const head = Buffer.from(bytes.subarray(0, 1024));
  if (head.includes("%PDF-")) return "pdf";
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "png";
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "jpeg";
  const tiff = head.subarray(0, 4).toString("latin1");
  if (tiff === "II*\u0000" || tiff === "MM\u0000*") return "tiff";
  return null;
}

/**
 * Reads documents' text: a PDF's text layer page by page (poppler's `pdftotext -bbox-layout` when
 * installed, pdf.js otherwise); a page without one, and an image, by OCR (the tesseract CLI when
 * installed, tesseract.js with its bundled English data otherwise). Nothing is fetched.
 */
export function createTextReader(options: TextReaderOptions = {}): TextReader {
  const engines = options.engines ?? chooseEngines();
  const dpi = options.ocrDpi ?? 200;
  const maxPages = options.maxPages ?? 300;
  const tesseractJs = new TesseractJs();

  const prepare = options.prepareScans ?? true;

  /** OCR of an image, prepared first; the words' boxes in the image's own pixels, on the page as levelled. */
  const ocr = async (image: Buffer): Promise<{ words: FoundWord[]; engine: TextEngine; skew: number }> => {
    const prepared = prepare ? await prepareScan(image) : null;
    const input = prepared ? toPgm(prepared.image) : image;
    const words = engines.ocr === "tesseract" ? await tesseractWords(input) : await tesseractJs.words(input);
    const engine = engines.ocr === "tesseract" ? "tesseract" : "tesseract.js";
    const placed = prepared ? words.map((word) => ({ ...word, box: prepared.place(word.box) })) : words;
    return { words: placed, engine, skew: prepared?.skew ?? 0 };
  };

  const page = (
    number: number,
    size: { width: number; height: number; unit: "pt" | "px" },
    engine: TextEngine,
    found: FoundWord[],
    skew = 0,
  ): PageText => {
    const { text, words } = composeLayout(found);
    const confidences = words.map((word) => word.confidence).filter((value): value is number => value !== undefined);
    const confidence =
      engine === "tesseract" || engine === "tesseract.js"
        ? confidences.length > 0
          ? Math.round((confidences.reduce((sum, value) => sum + value, 0) / confidences.length) * 10) / 10
          : 0
        : null;
    return { page: number, ...size, engine, text, words, confidence, ...(skew !== 0 ? { skew } : {}) };
  };

  const readImage = async (bytes: Uint8Array, type: "png" | "jpeg" | "tiff"): Promise<DocumentText> => {
    if (type === "tiff" && engines.ocr !== "tesseract") {
      throw new TextReadError(
        "unsupported_type",
        "TIFF images are read with the tesseract CLI, which is not installed here: send a PDF, PNG or JPEG",
      );
    }
    const image = Buffer.from(bytes);
    const { words, engine, skew } = await ocr(image);
    const { width, height } = imageSize(image) ?? boundsOf(words);
    return { kind: "image", pages: [page(1, { width, height, unit: "px" }, engine, words, skew)] };
  };

  const readPdf = async (bytes: Uint8Array): Promise<DocumentText> => {
    const document = await openPdf(bytes);
    try {
      if (document.numPages > maxPages) {
        throw new TextReadError(
          "too_many_pages",
          `The PDF has ${document.numPages} pages; at most ${maxPages} are read (split it)`,
        );
      }
      const layers =
        engines.pdf === "pdftotext"
          ? await popplerWords(bytes)
          : await Promise.all(Array.from({ length: document.numPages }, (_, index) => pdfjsPageWords(document, index + 1)));
      const pages: PageText[] = [];
      for (const [index, layer] of layers.entries()) {
        const number = index + 1;
        if (layer.words.length >= TEXT_LAYER_WORDS) {
          pages.push(page(number, { width: layer.width, height: layer.height, unit: "pt" }, engines.pdf, layer.words));
          continue;
        }
        const image =
          engines.pdf === "pdftotext" ? await popplerRender(bytes, number, dpi) : await pdfjsRender(document, number, dpi);
        const { words, engine, skew } = await ocr(image);
        // OCR'd in pixels at `dpi`; boxes are given in points like the text layer's pages.
        const scaled = scaleBoxes(words, 72 / dpi);
        pages.push(page(number, { width: layer.width, height: layer.height, unit: "pt" }, engine, scaled, skew));
      }
      return { kind: "pdf", pages };
    } finally {
      await document.destroy();
    }
  };

  return {
    engines,
    async read(bytes) {
      if (bytes.length === 0) throw new TextReadError("empty", "The file is empty");
      const type = sniffType(bytes);
      if (type === null) throw new TextReadError("unsupported_type", "The file is neither a PDF nor an image (PNG, JPEG, TIFF)");
      return type === "pdf" ? readPdf(bytes) : readImage(bytes, type);
    },
    close: () => tesseractJs.close(),
  };
}

/** A PNG's or JPEG's size in pixels from its header. */
function imageSize(image: Buffer): { width: number; height: number } | null {
  if (image[0] === 0x89 && image.length >= 24) return { width: image.readUInt32BE(16), height: image.readUInt32BE(20) };
  if (image[0] === 0xff) {
    for (let at = 2; at + 9 < image.length; ) {
      if (image[at] !== 0xff) return null;
      const marker = image[at + 1] as number;
      const length = image.readUInt16BE(at + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: image.readUInt16BE(at + 5), width: image.readUInt16BE(at + 7) };
      }
      at += 2 + length;
    }
  }
  return null;
}

function scaleBoxes(words: FoundWord[], scale: number): FoundWord[] {
  if (scale === 1) return words;
  return words.map((word) => ({
    ...word,
    box: { x0: word.box.x0 * scale, y0: word.box.y0 * scale, x1: word.box.x1 * scale, y1: word.box.y1 * scale },
  }));
}

function boundsOf(words: FoundWord[]) {
  return { width: Math.max(0, ...words.map((word) => word.box.x1)), height: Math.max(0, ...words.map((word) => word.box.y1)) };
}
