import { RecordNotFoundError, type RecordTypeName } from "../../../records/index.ts";
import type { SetContext } from "./set-result.ts";

export type Row = Record<string, unknown> & { lines?: Record<string, unknown>[] };

/** A stored record as the upsert input that states it again: without the fields the store keeps (id, version, times). */
export function inputOf(record: Record<string, unknown>): Row {
  const { id: _id, version: _version, created_at: _created, updated_at: _updated, ...input } = record;
  return { ...input, lines: ((input.lines as Record<string, unknown>[] | undefined) ?? []).map((line) => ({ ...line })) };
}

/** The record this partner keeps under an external id, or undefined. */
export async function storedRecord(c: SetContext, type: RecordTypeName, externalId: string): Promise<Row | undefined> {
  try {
    return (await c.records.getByExternalId(c.ctx.tenantId, type, c.partner.source_system, externalId)) as Row;
  } catch (error) {
    if (error instanceof RecordNotFoundError) return undefined;
    throw error;
  }
}
