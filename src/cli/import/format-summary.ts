import { describeIssue } from "./rejects-file.ts";
import { type ImportSummary, type Rejection, SHOWN_REJECTIONS as SHOWN } from "./run-import.ts";

const count = (value: number) => value.toLocaleString("en-US");

/** `line 7 (external id MRO-1006): list_price: "12,50" is not a number` */
export function formatRejection(rejection: Rejection): string {
  const who = rejection.external_id ? ` (external id ${rejection.external_id})` : "";
  return `line ${rejection.line}${who}: ${describeIssue(rejection)}`;
}

/** What an import did, for people: counts, the first rejections by line, and where the rest are. */
export function formatSummary(summary: ImportSummary, options: { stopped?: boolean } = {}): string {
  const out: string[] = [];
  const grouped = summary.records !== summary.rows ? `, ${count(summary.records)} records` : "";
  out.push(
    `${options.stopped ? "Stopped importing" : "Imported"} ${summary.file} into ${summary.type} (tenant ${summary.tenant}): ${count(summary.rows)} rows read${grouped}, in ${summary.seconds.toFixed(1)} s`,
  );
  const rows: [string, number, string?][] = [
    ["inserted", summary.inserted],
    ["updated", summary.updated],
    ["unchanged", summary.unchanged],
    [
      "rejected",
      summary.rejected,
      summary.rejected_locally > 0 ? `(${count(summary.rejected_locally)} before sending)` : undefined,
    ],
  ];
  const width = Math.max(...rows.map(([, value]) => count(value).length));
  for (const [label, value, note] of rows)
    out.push(`  ${label.padEnd(10)}${count(value).padStart(width)}${note ? `  ${note}` : ""}`);
  if (summary.rejections.length > 0) {
    out.push("", summary.rejections.length >= SHOWN ? `First ${SHOWN} rejections, by line:` : "Rejections:");
    for (const rejection of summary.rejections) out.push(`  ${formatRejection(rejection)}`);
  }
  if (summary.rejected > 0) {
    out.push(
      "",
      summary.rejects_file
        ? `Every rejected row, with its line and reason, is in ${summary.rejects_file}.`
        : "Pass --rejects <file.csv> to get every rejected row with its line and reason.",
    );
  }
  return `${out.join("\n")}\n`;
}
