import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { SaxesParser } from "saxes";
import type { FoundWord } from "./page-text.ts";
import { TextReadError } from "./text-read-error.ts";

const run = promisify(execFile);

export type PopplerPage = { width: number; height: number; words: FoundWord[] };

/** Runs `work` with the PDF written to a file of its own (poppler reads files), removed afterwards. */
async function withFile<T>(bytes: Uint8Array, work: (file: string, folder: string) => Promise<T>): Promise<T> {
  const folder = await mkdtemp(path.join(tmpdir(), "crossdock-pdf-"));
  try {
    const file = path.join(folder, "in.pdf");
    await writeFile(file, bytes);
    return await work(file, folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

function popplerError(error: unknown): TextReadError {
  const stderr = String((error as { stderr?: string }).stderr ?? (error as Error).message);
  if (/password/i.test(stderr)) return new TextReadError("encrypted", "The PDF is protected by a password");
  return new TextReadError("corrupt", `The PDF cannot be read: ${stderr.trim().split("\n")[0] ?? "poppler failed"}`);
}

/**
 * Every page's words with their boxes (points, top left) from `pdftotext -bbox-layout`: poppler's
 * own reading of the text layer, the one `pdftotext -layout` prints, with each word's place.
 */
export async function popplerWords(bytes: Uint8Array): Promise<PopplerPage[]> {
  return withFile(bytes, async (file) => {
    let xhtml: string;
    try {
      ({ stdout: xhtml } = await run("pdftotext", ["-bbox-layout", "-enc", "UTF-8", file, "-"], { maxBuffer: 1 << 30 }));
    } catch (error) {
      throw popplerError(error);
    }
    try {
      return parseBboxLayout(xhtml);
    } catch (error) {
      throw new TextReadError("corrupt", `The PDF's text layer cannot be read: ${(error as Error).message}`);
    }
  });
}

/** `pdftotext -bbox-layout`'s XHTML: <page width height> … <word xMin yMin xMax yMax>text</word>. */
export function parseBboxLayout(xhtml: string): PopplerPage[] {
  const pages: PopplerPage[] = [];
  const parser = new SaxesParser();
  let word: { box: FoundWord["box"]; text: string } | null = null;
  parser.on("opentag", (tag) => {
    const number = (name: string) => Number(tag.attributes[name] ?? 0);
    if (tag.name === "page") pages.push({ width: number("width"), height: number("height"), words: [] });
    if (tag.name === "word")
      word = { box: { x0: number("xMin"), y0: number("yMin"), x1: number("xMax"), y1: number("yMax") }, text: "" };
  });
  parser.on("text", (text) => {
    if (word) word.text += text;
  });
  parser.on("closetag", (tag) => {
    if (tag.name !== "word" || !word) return;
    pages.at(-1)?.words.push({ text: word.text, box: word.box });
    word = null;
  });
  // pdftotext writes a text layer's control characters as they are; XML allows none but tab and line breaks.
  const text = xhtml.replace(/<!DOCTYPE[^>]*>/, "").replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "");
  parser.write(text).close();
  return pages;
}

/** One page as a PNG at `dpi`, drawn by `pdftoppm`, for OCR. */
export async function popplerRender(bytes: Uint8Array, pageNumber: number, dpi: number): Promise<Buffer> {
  return withFile(bytes, async (file, folder) => {
    const out = path.join(folder, "page");
    try {
      await run("pdftoppm", [
        "-png",
        "-r",
        String(dpi),
        "-f",
        String(pageNumber),
        "-l",
        String(pageNumber),
        "-singlefile",
        file,
        out,
      ]);
    } catch (error) {
      throw popplerError(error);
    }
    return readFile(`${out}.png`);
  });
}
