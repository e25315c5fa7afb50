import { type RecordInputRow, RecordNotFoundError, type RecordTypeName } from "../../../records/index.ts";
import type { SetContext } from "./set-result.ts";

export type Row = RecordInputRow;

/** The record this partner keeps under an external id, or undefined. */
export async function storedRecord(c: SetContext, type: RecordTypeName, externalId: string): Promise<Row | undefined> {
  try {
    return (await c.records.getByExternalId(c.ctx.tenantId, type, c.partner.source_system, externalId)) as Row;
  } catch (error) {
    if (error instanceof RecordNotFoundError) return undefined;
    throw error;
  }
}
