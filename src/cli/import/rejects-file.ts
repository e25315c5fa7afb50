import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import type { LineIssue, PendingRecord } from "./assemble-records.ts";

/** A CSV cell, quoted when it holds a delimiter, a quote, a line break or edge spaces. */
export function csvCell(value: unknown): string {
  const text = value === undefined || value === null ? "" : typeof value === "string" ? value : JSON.stringify(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/** `quantity: must be a decimal number`, or just the message when it concerns the whole row. */
export function describeIssue(issue: Pick<LineIssue, "path" | "message">): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

/** The reason each source row of a rejected record was not written, by line. */
export function reasonsByRow(
  pending: PendingRecord,
  issues: readonly LineIssue[],
  recordName: string,
): { line: number; reason: string }[] {
  return pending.rows.map((row) => {
    const own = issues.filter((issue) => issue.line === row.line);
    if (own.length > 0) return { line: row.line, reason: own.map(describeIssue).join("; ") };
    const first = issues[0];
    return {
      line: row.line,
      reason: `not written: its ${recordName} was rejected${first ? ` (line ${first.line}: ${describeIssue(first)})` : ""}`,
    };
  });
}

/** The row's cells, one per column of the header. */
function fitted(cells: readonly string[], width: number): string[] {
  return Array.from({ length: width }, (_, index) => cells[index] ?? "");
}

/** Cells past the header's width have no column of their own: the reason keeps them. */
function withExtras(reason: string, cells: readonly string[], width: number): string {
  return cells.length > width ? `${reason} (cells past the last column: ${JSON.stringify(cells.slice(width))})` : reason;
}

/**
 * The rejects file: every row that was not written, as it was read, with the line it came from
 * and why. For a CSV source it is the same CSV plus `reject_line` and `reject_reason` columns, so
 * it can be fixed and imported again with the same mapping; for JSON sources each row is a
 * `row` column holding its JSON.
 */
export function createRejectsFile(file: string, options: { columns: readonly string[]; csv: boolean; recordName: string }) {
  const stream: WriteStream = createWriteStream(file, { encoding: "utf8" });
  let failure: Error | undefined;
  stream.on("error", (error) => {
    failure = error;
  });
  let count = 0;
  const header = options.csv ? [...options.columns, "reject_line", "reject_reason"] : ["reject_line", "reject_reason", "row"];
  stream.write(csvLine(header));

  return {
    file,
    /** Rows written so far. */
    count: () => count,
    /** Writes a rejected record's rows in one piece, so rows of records rejected meanwhile never interleave. */
    async write(pending: PendingRecord, issues: readonly LineIssue[]): Promise<void> {
      if (failure) throw failure;
      const reasons = reasonsByRow(pending, issues, options.recordName);
      const text = pending.rows
        .map((row, index) => {
          const { line, reason } = reasons[index] as { line: number; reason: string };
          const cells = row.original as string[];
          const width = options.columns.length;
          return csvLine(
            options.csv ? [...fitted(cells, width), line, withExtras(reason, cells, width)] : [line, reason, row.original],
          );
        })
        .join("");
      count += pending.rows.length;
      if (!stream.write(text)) await once(stream, "drain");
    },
    async close(): Promise<void> {
      stream.end();
      await finished(stream);
    },
  };
}
