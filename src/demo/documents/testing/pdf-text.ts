import { inflateSync } from "node:zlib";

/**
 * The text runs a pdfkit PDF shows (one per `TJ`), read from its compressed content streams. Enough
 * to check that what a truth file says is printed really is on the page; not a general PDF reader.
 */
export function pdfTextRuns(pdf: Buffer): string[] {
  const text = pdf.toString("latin1");
  const runs: string[] = [];
  // Streams are read by their /Length: compressed data may itself end in what looks like a line break.
  for (const match of text.matchAll(/\/Length (\d+)[^>]*>>\nstream\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, start + Number(match[1]))).toString("latin1");
    } catch {
      continue; // an image or font stream
    }
    for (const array of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const hex = [...(array[1] ?? "").matchAll(/<([0-9a-fA-F]*)>/g)].map((part) => part[1]).join("");
      runs.push(decodeWinAnsi(Buffer.from(hex, "hex")));
    }
  }
  return runs;
}

// The standard fonts' WinAnsi codes 0x80-0x9F that are not Latin-1 (pdfkit encodes these for them).
const WIN_ANSI: Record<number, string> = {
  128: "\u20ac",
  133: "\u2026",
  145: "\u2018",
  146: "\u2019",
  147: "\u201c",
  148: "\u201d",
  149: "\u2022",
  150: "\u2013",
  151: "\u2014",
  153: "\u2122",
};

function decodeWinAnsi(bytes: Buffer): string {
  return [...bytes].map((byte) => WIN_ANSI[byte] ?? String.fromCharCode(byte)).join("");
}
