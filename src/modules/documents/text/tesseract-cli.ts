import { spawn } from "node:child_process";
import type { FoundWord } from "./page-text.ts";
import { TextReadError } from "./text-read-error.ts";

/**
 * OCR by the tesseract CLI: the image on stdin, TSV on stdout (one row per word with its box and
 * confidence). `--psm 6` reads the page as one block of text, which keeps a form's rows together;
 * OMP_THREAD_LIMIT=1 because pages are read side by side, one per core, and tesseract's own threads
 * would only fight over the same cores. `tessedit_do_invert=0`: tesseract 5 reads each unsure line
 * a second time inverted, for white print on dark, which `prepareScan` has already turned dark on
 * light (most unsure lines on a scan are smudged print, not inverted print; a few percent saved).
 */
export function tesseractWords(image: Buffer): Promise<FoundWord[]> {
  return new Promise((resolve, reject) => {
    const child = spawn("tesseract", ["stdin", "stdout", "--psm", "6", "-c", "tessedit_do_invert=0", "-l", "eng", "tsv"], {
      env: { ...process.env, OMP_THREAD_LIMIT: "1" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error) => reject(new TextReadError("ocr_failed", `tesseract could not run: ${error.message}`)));
    child.on("close", (code) => {
      if (code !== 0) {
        const message = Buffer.concat(err).toString().trim().split("\n").at(-1) ?? "";
        reject(new TextReadError("ocr_failed", `tesseract failed (exit ${code}): ${message}`));
        return;
      }
      resolve(parseTesseractTsv(Buffer.concat(out).toString("utf8")));
    });
    child.stdin.on("error", () => {}); // a tesseract that exits early closes its stdin; its exit code tells
    child.stdin.end(image);
  });
}

/** level page block paragraph line word left top width height confidence text; level 5 is a word, on line block.paragraph.line. */
export function parseTesseractTsv(tsv: string): FoundWord[] {
  const words: FoundWord[] = [];
  for (const row of tsv.split("\n").slice(1)) {
    const cells = row.split("\t");
    if (cells[0] !== "5" || cells.length < 12) continue;
    const text = cells.slice(11).join("\t").trim();
    if (text === "") continue;
    const [left, top, width, height, confidence] = cells.slice(6, 11).map(Number) as [number, number, number, number, number];
    words.push({
      text,
      box: { x0: left, y0: top, x1: left + width, y1: top + height },
      confidence,
      lineKey: cells.slice(2, 5).join("."),
    });
  }
  return words;
}
