import type { RecordTypeName } from "../../../modules/records/index.ts";
import type { DocumentTruth } from "../truth/truth.ts";

export type SourceRef = DocumentTruth["source"];

export function sourceOf(recordType: RecordTypeName, row: { external_id: string; source_system?: string }): SourceRef {
  return { record_type: recordType, external_id: row.external_id, source_system: row.source_system ?? null };
}
