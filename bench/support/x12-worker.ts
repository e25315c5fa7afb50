import { createReadStream, readFileSync } from "node:fs";
import type { Readable } from "node:stream";
import { X12Parser } from "node-x12";
import { X12parser } from "x12-parser";
import { iterateX12, readX12, streamX12 } from "../../src/modules/ingest/edi/index.ts";

/**
 * One parser on one file, in its own process (`node --expose-gc --import tsx x12-worker.ts MODE FILE`),
 * so each is measured with a fresh heap: peak memory on a first, cold run (resident set high-water
 * mark above what the process held before, the input included), then the median time of warm runs.
 * Prints one JSON line.
 */
export type WorkerMode = "crossdock-iterate" | "crossdock-tree" | "crossdock-stream" | "node-x12" | "x12-parser";

type Parser = { load: () => unknown; parse: (input: unknown) => Promise<number> | number };

const CHUNK = 64 * 1024;

function parserFor(mode: WorkerMode, file: string): Parser {
  switch (mode) {
    case "crossdock-tree":
      return {
        load: () => readFileSync(file),
        parse: (input) => {
          const read = readX12(input as Buffer);
          if (!read.ok) throw new Error(`not ok: ${read.diagnostics[0]?.message}`);
          return read.counts.segments;
        },
      };
    case "crossdock-iterate":
      return {
        load: () => readFileSync(file),
        parse: (input) => {
          let segments = 0;
          for (const event of iterateX12(input as Buffer)) if (event.type === "end") segments = event.summary.counts.segments;
          return segments;
        },
      };
    case "crossdock-stream":
      return {
        load: () => null,
        parse: async () => {
          let segments = 0;
          for await (const event of streamX12(createReadStream(file, { highWaterMark: CHUNK }))) {
            if (event.type === "end") segments = event.summary.counts.segments;
          }
          return segments;
        },
      };
    case "node-x12":
      return {
        load: () => readFileSync(file, "utf8"),
        parse: (input) => {
          // biome-ignore lint/suspicious/noExplicitAny: node-x12's fat and single interchanges share these fields
          const parsed = new X12Parser(true).parse(input as string) as any;
          let segments = 0;
          for (const interchange of parsed.interchanges ?? [parsed]) {
            segments += 2;
            for (const group of interchange.functionalGroups) {
              segments += 2;
              for (const transaction of group.transactions) segments += transaction.segments.length + 2;
            }
          }
          return segments;
        },
      };
    case "x12-parser":
      return {
        load: () => null,
        parse: () =>
          new Promise<number>((resolve, reject) => {
            let segments = 0;
            const source: Readable = createReadStream(file, { highWaterMark: CHUNK });
            source
              .pipe(new X12parser())
              .on("data", () => {
                segments += 1;
              })
              .on("end", () => resolve(segments))
              .on("error", reject);
          }),
      };
  }
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

async function main() {
  const [mode, file, runs = "3"] = process.argv.slice(2) as [WorkerMode, string, string?];
  const parser = parserFor(mode, file);
  gc();
  const before = process.memoryUsage().rss;
  let input = parser.load();
  let started = performance.now();
  const segments = await parser.parse(input);
  const coldMs = performance.now() - started;
  const peakBytes = process.resourceUsage().maxRSS * 1024 - before;
  const times: number[] = [];
  for (let run = 0; run < Number(runs); run++) {
    input = null;
    gc();
    input = parser.load();
    started = performance.now();
    await parser.parse(input);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const ms = times[Math.floor(times.length / 2)] ?? coldMs;
  process.stdout.write(`${JSON.stringify({ mode, segments, ms, coldMs, peakBytes })}\n`);
}

await main();
