import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { X12Parser } from "node-x12";
import { X12parser } from "x12-parser";
import { readEdi } from "../../src/modules/ingest/edi/index.ts";

/**
 * Correct parses of the shared X12 samples (../shared/datasets/documents/EDI-MANIFEST.json) for
 * each parser, each given the file as a partner sends it: correct when the transaction sets are
 * exactly those listed and the segment count matches; "error" when the parser refused the file;
 * "wrong" when it returned something else without complaint (the silent failure that matters).
 */
type Entry = { file: string; sets: string[]; segmentCount: number };
type Parsed = { sets: string[]; segments: number } | { rejected: true };
export type CorpusScore = { correct: number; rejected: number; wrong: number; files: number };

/** Counts the manifest got wrong (each confirmed by the file's SE01); the same for every parser. */
const CORRECTIONS: Record<string, number> = {
  "edi-oopfactory-x12parser/ORD/_850/Example4_Adobe_ShrinkWrapped.txt": 22,
  "edi-oopfactory-x12parser/ORD/_860/Example1.txt": 14,
};

function crossdock(bytes: Buffer): Parsed {
  const { read, standard } = readEdi(bytes);
  if (!read.ok || standard !== "x12") return { rejected: true };
  return {
    sets: read.interchanges.flatMap((interchange) => interchange.groups.flatMap((group) => group.sets.map((set) => set.id))),
    segments: read.counts.segments,
  };
}

function nodeX12(bytes: Buffer, strict: boolean): Parsed {
  try {
    // biome-ignore lint/suspicious/noExplicitAny: node-x12's fat and single interchanges share these fields
    const parsed = new X12Parser(strict).parse(bytes.toString("utf8")) as any;
    const sets: string[] = [];
    let segments = 0;
    for (const interchange of parsed.interchanges ?? [parsed]) {
      segments += 2;
      for (const group of interchange.functionalGroups ?? []) {
        segments += 2;
        for (const transaction of group.transactions ?? []) {
          sets.push(String(transaction.header?.valueOf(1) ?? ""));
          segments += transaction.segments.length + 2;
        }
      }
    }
    return { sets, segments };
  } catch {
    return { rejected: true };
  }
}

function x12Parser(bytes: Buffer): Promise<Parsed> {
  return new Promise((resolve) => {
    const sets: string[] = [];
    let segments = 0;
    const parser = new X12parser();
    parser.on("error", () => resolve({ rejected: true }));
    Readable.from([bytes])
      .pipe(parser)
      .on("data", (segment: { name: string; "1"?: string }) => {
        segments += 1;
        if (segment.name === "ST") sets.push(segment["1"] ?? "");
      })
      .on("end", () => resolve({ sets, segments }));
  });
}

export const CORPUS_PARSERS = [
  "crossdock",
  "node-x12 (strict)",
  "node-x12 (loose)",
  "x12-parser",
  "node-x12 (strict, byte-order mark removed first)",
  "node-x12 (loose, byte-order mark removed first)",
  "x12-parser (byte-order mark removed first)",
] as const;

/** The file without a UTF-8 byte-order mark: what the other parsers need done for them. */
const withoutMark = (bytes: Buffer) => (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes);

export async function scoreCorpus(documents: string): Promise<Record<(typeof CORPUS_PARSERS)[number], CorpusScore> | null> {
  const manifestPath = path.join(documents, "EDI-MANIFEST.json");
  if (!existsSync(manifestPath)) return null;
  const { x12 } = JSON.parse(readFileSync(manifestPath, "utf8")) as { x12: Entry[] };
  const scores = Object.fromEntries(
    CORPUS_PARSERS.map((name) => [name, { correct: 0, rejected: 0, wrong: 0, files: x12.length }]),
  ) as Record<(typeof CORPUS_PARSERS)[number], CorpusScore>;
  for (const entry of x12) {
    const bytes = readFileSync(path.join(documents, entry.file));
    const expected = { sets: entry.sets, segments: CORRECTIONS[entry.file] ?? entry.segmentCount };
    const results: Record<(typeof CORPUS_PARSERS)[number], Parsed> = {
      crossdock: crossdock(bytes),
      "node-x12 (strict)": nodeX12(bytes, true),
      "node-x12 (loose)": nodeX12(bytes, false),
      "x12-parser": await x12Parser(bytes),
      "node-x12 (strict, byte-order mark removed first)": nodeX12(withoutMark(bytes), true),
      "node-x12 (loose, byte-order mark removed first)": nodeX12(withoutMark(bytes), false),
      "x12-parser (byte-order mark removed first)": await x12Parser(withoutMark(bytes)),
    };
    for (const name of CORPUS_PARSERS) {
      const result = results[name];
      const score = scores[name];
      if ("rejected" in result) score.rejected += 1;
      else if (JSON.stringify(result.sets) === JSON.stringify(expected.sets) && result.segments === expected.segments)
        score.correct += 1;
      else score.wrong += 1;
    }
  }
  return scores;
}
