import { execFileSync } from "node:child_process";

/** The engines a reader uses: poppler and tesseract when installed, pdf.js and tesseract.js otherwise. */
export type Engines = { pdf: "pdftotext" | "pdfjs"; ocr: "tesseract" | "tesseract.js" };

const installed = new Map<string, boolean>();
/** Whether `command` runs here (`command -v` would miss a broken install; running it with `-v` does not). */
function runs(command: string): boolean {
  let known = installed.get(command);
  if (known === undefined) {
    try {
      execFileSync(command, ["-v"], { stdio: "ignore", timeout: 10_000 });
      known = true;
    } catch {
      known = false;
    }
    installed.set(command, known);
  }
  return known;
}

/**
 * The engines to use: `CROSSDOCK_PDF_TEXT` (pdftotext | pdfjs) and `CROSSDOCK_OCR` (tesseract |
 * tesseract.js) choose; otherwise the installed programs, else the npm fallbacks. Asking for a
 * program that is not installed is an error, not a silent fallback.
 */
export function chooseEngines(env: Record<string, string | undefined> = process.env): Engines {
  const pdf = env.CROSSDOCK_PDF_TEXT ?? (runs("pdftotext") && runs("pdftoppm") ? "pdftotext" : "pdfjs");
  const ocr = env.CROSSDOCK_OCR ?? (runs("tesseract") ? "tesseract" : "tesseract.js");
  if (pdf !== "pdftotext" && pdf !== "pdfjs")
    throw new Error(`CROSSDOCK_PDF_TEXT is pdftotext or pdfjs, not ${JSON.stringify(pdf)}`);
  if (ocr !== "tesseract" && ocr !== "tesseract.js")
    throw new Error(`CROSSDOCK_OCR is tesseract or tesseract.js, not ${JSON.stringify(ocr)}`);
  if (pdf === "pdftotext" && !(runs("pdftotext") && runs("pdftoppm"))) {
    throw new Error(
      "CROSSDOCK_PDF_TEXT=pdftotext, but poppler (pdftotext, pdftoppm) is not installed: apt-get install poppler-utils",
    );
  }
  if (ocr === "tesseract" && !runs("tesseract")) {
    throw new Error("CROSSDOCK_OCR=tesseract, but the tesseract CLI is not installed: apt-get install tesseract-ocr");
  }
  return { pdf, ocr };
}

/** Whether the poppler and tesseract programs are here (tests of the faster path skip without them). */
export const popplerInstalled = () => runs("pdftotext") && runs("pdftoppm");
export const tesseractInstalled = () => runs("tesseract");
