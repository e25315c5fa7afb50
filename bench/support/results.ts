import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

/** One measured figure, with the target and the anchor it is compared against. */
export type Metric = {
  name: string;
  value: number;
  unit: string;
  /** e.g. ">= 20000" or "< 20"; absent when the issue sets none. */
  target?: string;
  /** A figure measured in the same run to compare against, when there is one. */
  anchor?: { name: string; value: number; unit: string };
  note?: string;
};

function meets(metric: Metric): string {
  if (!metric.target) return "";
  const match = /^(>=|<=|<|>)\s*([\d.]+)/.exec(metric.target);
  if (!match) return "";
  const bound = Number(match[2]);
  const ok = { ">=": metric.value >= bound, "<=": metric.value <= bound, "<": metric.value < bound, ">": metric.value > bound }[
    match[1] as ">="
  ];
  return ok ? "yes" : "NO";
}

/** Prints the summary table and writes bench/results/NAME.json. */
export async function report(benchmark: string, metrics: Metric[], context: Record<string, unknown>): Promise<void> {
  const rows = metrics.map((metric) => [
    metric.name,
    `${metric.value.toLocaleString("en-US", { maximumFractionDigits: 2 })} ${metric.unit}`,
    metric.target ?? "",
    meets(metric),
    metric.anchor
      ? `${metric.anchor.name}: ${metric.anchor.value.toLocaleString("en-US", { maximumFractionDigits: 2 })} ${metric.anchor.unit}`
      : "",
  ]);
  const header = ["metric", "value", "target", "met", "anchor"];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ");
  process.stdout.write(`\n${benchmark}\n${line(header)}\n${widths.map((width) => "-".repeat(width)).join("  ")}\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
  const file = path.join(import.meta.dirname, "..", "results", `${benchmark}.json`);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify({ benchmark, measured_at: new Date().toISOString(), context, metrics }, null, 2)}\n`);
  process.stdout.write(`\nwritten to ${path.relative(process.cwd(), file)}\n`);
}
