import type { RecordTypeName } from "../../../records/index.ts";
import type { ProducedRecord } from "../../contract/index.ts";
import { locateField } from "../process/locate-problem.ts";
import { rejected, type SetContext, type SetResult } from "./set-result.ts";

/** `lines.2.quantity` (the records module's problem path) as a field and line. */
function fieldOf(path: string | undefined): { name: string; line?: number } {
  const match = /^(?:lines\.(\d+)\.)?([a-z_]+)/.exec(path ?? "");
  if (!match) return { name: "" };
  return { name: match[2] as string, ...(match[1] === undefined ? {} : { line: Number(match[1]) }) };
}

/**
 * Writes the records made from one set, each type in one upsert (`partial`, so a refusal comes
 * back as a problem rather than an exception). Records are upserted by (source_system,
 * external_id) and skipped when unchanged, so a set processed again writes nothing new. A set
 * whose records are refused is rejected, each problem at its segment.
 */
export async function writeRecords(
  c: SetContext,
  made: readonly { type: RecordTypeName; row: Record<string, unknown> }[],
): Promise<SetResult> {
  const produced: ProducedRecord[] = [];
  const byType = new Map<RecordTypeName, Record<string, unknown>[]>();
  for (const record of made) byType.set(record.type, [...(byType.get(record.type) ?? []), record.row]);
  for (const [type, rows] of byType) {
    const result = await c.records.upsert(c.ctx, type, rows, { mode: "partial" });
    if (result.rejected.length > 0) {
      return rejected(
        "validate",
        result.rejected.map((problem) =>
          locateField(c.set, fieldOf(problem.path), `${type}.${problem.path ?? ""}: ${problem.message}`),
        ),
      );
    }
    for (const row of result.results) {
      if (row.id) produced.push({ type, id: row.id, external_id: row.external_id ?? "" });
    }
  }
  return { status: "accepted", records: produced };
}
