import { createRequire } from "node:module";
import path from "node:path";
import type { FoundWord } from "./page-text.ts";
import { TextReadError } from "./text-read-error.ts";

type Worker = import("tesseract.js").Worker;

const require = createRequire(import.meta.url);
/** English trained data shipped in @tesseract.js-data/eng (LSTM, integer "best"): read from the package, never downloaded. */
const LANG_PATH = path.join(path.dirname(require.resolve("@tesseract.js-data/eng/package.json")), "4.0.0_best_int");

/**
 * tesseract.js (tesseract compiled to WebAssembly, in a worker thread), for machines without the
 * tesseract CLI. One worker, made on first use and kept: making one loads 10 MB of trained data.
 * Pages queue for it; `close` ends it (a live worker thread keeps the process running).
 */
export class TesseractJs {
  private worker: Promise<Worker> | undefined;

  async words(image: Buffer): Promise<FoundWord[]> {
    try {
      const worker = await this.start();
      const { data } = await worker.recognize(image, {}, { blocks: true, text: false });
      const words: FoundWord[] = [];
      for (const [b, block] of (data.blocks ?? []).entries())
        for (const [p, paragraph] of block.paragraphs.entries())
          for (const [l, line] of paragraph.lines.entries())
            for (const word of line.words) {
              words.push({ text: word.text, box: { ...word.bbox }, confidence: word.confidence, lineKey: `${b}.${p}.${l}` });
            }
      return words;
    } catch (error) {
      throw new TextReadError("ocr_failed", `tesseract.js could not read the image: ${(error as Error).message ?? error}`);
    }
  }

  private start(): Promise<Worker> {
    if (!this.worker) {
      const starting = (async () => {
        const { createWorker, OEM, PSM } = await import("tesseract.js");
        const worker = await createWorker("eng", OEM.LSTM_ONLY, { langPath: LANG_PATH, cacheMethod: "none", gzip: true });
        // As the CLI is run: one block of text, and no second reading of unsure lines inverted (see tesseract-cli.ts).
        await worker.setParameters({ tessedit_pageseg_mode: PSM.SINGLE_BLOCK, tessedit_do_invert: "0" });
        return worker;
      })();
      // A worker that failed to start is not kept: the next page tries again.
      starting.catch(() => {
        if (this.worker === starting) this.worker = undefined;
      });
      this.worker = starting;
    }
    return this.worker;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await (await worker).terminate();
  }
}
