import type { Database } from "../../../platform/db/database.ts";
import type { MappingTrial, MappingTrialResult } from "../contract/index.ts";
import { applyMapping } from "../mapping/index.ts";
import { compileSourceMapping } from "./source-mapping.ts";
import { getSource } from "./source-store.ts";

/**
 * What a payload maps to under a mapping being written, or under a source's current one, without
 * writing anything: the records as they would be upserted, or the problems quarantine would show.
 * A mapping that cannot be used is refused as saving it would be (validation_failed, per path).
 */
export async function tryMapping(db: Database, tenantId: string, trial: MappingTrial, now: Date): Promise<MappingTrialResult> {
  const source = trial.source === undefined ? undefined : await getSource(db, tenantId, trial.source, now);
  const mapping = compileSourceMapping((trial.mapping ?? source?.mapping) as Record<string, unknown>);
  const result = applyMapping(mapping, trial.payload, {
    sourceSystem: trial.source_system ?? source?.source_system ?? "trial",
  });
  return {
    records: result.records.map((record) => ({ type: record.type, row: record.row, merge: record.merge === true })),
    problems: result.problems,
  };
}
