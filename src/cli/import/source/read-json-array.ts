import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { jsonRow, KEY_SAMPLE, keysOf } from "./read-jsonl.ts";
import { peek, type RowSource, type SourceRow } from "./source-row.ts";

type Element = { line: number; text: string };

/**
 * Splits the text of a JSON array into its elements as chunks arrive, without holding the whole
 * array: it tracks only nesting depth and whether it is inside a string. Each element is parsed
 * on its own by JSON.parse, so a malformed one is reported with its line and the rest still load.
 */
export function createArraySplitter() {
  let phase: "start" | "between" | "element" | "after" | "end" = "start";
  let kind: "nested" | "string" | "scalar" = "nested";
  let depth = 0;
  let inString = false;
  let escaped = false;
  let line = 1;
  let startLine = 1;
  let parts: string[] = [];
  let started = false;
  let afterComma = false;

  const fail = (message: string): never => {
    throw new Error(`line ${line}: ${message}`);
  };

  return {
    push(input: string): Element[] {
      const chunk = started ? input : input.replace(/^\uFEFF/, "");
      started = true;
      const elements: Element[] = [];
      let from = 0;
      const finish = (end: number) => {
        parts.push(chunk.slice(from, end));
        elements.push({ line: startLine, text: parts.join("") });
        parts = [];
        phase = "after";
      };
      for (let at = 0; at < chunk.length; at++) {
        const char = chunk[at] as string;
        if (phase === "element") {
          if (inString) {
            if (escaped) escaped = false;
            else if (char === "\\") escaped = true;
            else if (char === '"') {
              inString = false;
              if (kind === "string") finish(at + 1);
            }
          } else if (kind === "scalar") {
            if (char === "," || char === "]" || /\s/.test(char)) {
              finish(at);
              at -= 1; // read the delimiter again, as what follows the element
              continue;
            }
          } else if (char === '"') inString = true;
          else if (char === "{" || char === "[") depth += 1;
          else if (char === "}" || char === "]") {
            depth -= 1;
            if (depth === 0) finish(at + 1);
          }
          if (char === "\n") line += 1;
          continue;
        }
        if (char === "\n") line += 1;
        if (char === " " || char === "\t" || char === "\r" || char === "\n") continue;
        switch (phase) {
          case "start":
            if (char !== "[")
              fail("a .json file must hold an array of records: [ {…}, {…} ] (use .jsonl for one record per line)");
            phase = "between";
            break;
          case "between":
            if (char === "]") {
              if (afterComma) fail("a comma before ] (trailing commas are not JSON)");
              phase = "end";
              break;
            }
            phase = "element";
            startLine = line;
            from = at;
            afterComma = false;
            kind = char === "{" || char === "[" ? "nested" : char === '"' ? "string" : "scalar";
            depth = kind === "nested" ? 1 : 0;
            inString = kind === "string";
            break;
          case "after":
            if (char === ",") {
              phase = "between";
              afterComma = true;
            } else if (char === "]") phase = "end";
            else fail(`expected , or ] after the element that starts on line ${startLine}, found ${JSON.stringify(char)}`);
            break;
          case "end":
            fail("there is more after the array's closing ]");
        }
      }
      if (phase === "element") parts.push(chunk.slice(from));
      return elements;
    },
    end(): void {
      if (phase !== "end")
        fail(phase === "start" ? "the file is empty: expected a JSON array" : "the file ends inside the array: is it complete?");
    },
  };
}

/** Streams a .json file holding one array of records. */
export async function readJsonArray(file: string): Promise<RowSource> {
  const { size } = await stat(file);
  let bytes = 0;
  const stream = createReadStream(file, { encoding: "utf8" });
  stream.on("data", (chunk) => {
    bytes += Buffer.byteLength(chunk as string);
  });
  async function* rows(): AsyncGenerator<SourceRow> {
    const splitter = createArraySplitter();
    const toRow = ({ line, text }: Element): SourceRow => {
      try {
        return jsonRow(line, JSON.parse(text));
      } catch (error) {
        return { line, values: {}, original: text, problem: `is not valid JSON: ${(error as Error).message}` };
      }
    };
    for await (const chunk of stream) for (const element of splitter.push(chunk as string)) yield toRow(element);
    splitter.end();
  }
  const { first, all } = await peek(rows(), KEY_SAMPLE);
  return { format: "json", columns: keysOf(first), rows: all, bytesRead: () => bytes, size, close: () => stream.destroy() };
}
