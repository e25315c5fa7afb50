import type { DocumentDetail } from "../../modules/documents/index.ts";
import { RecordNotFoundError, type Records } from "../../modules/records/index.ts";

type Row = Record<string, unknown>;

/**
 * The record a routed document was matched to (`matches.shipment_external_id` for a shipment,
 * `purchase_order_external_id` for a PO), as stored, with its children; null when it was matched to
 * none or the record is gone since.
 */
export async function matchedRecord(
  records: Records,
  tenantId: string,
  document: DocumentDetail,
  type: "shipment" | "purchase_order",
): Promise<Row | null> {
  const matches = document.matches;
  const externalId = type === "shipment" ? matches?.shipment_external_id : matches?.purchase_order_external_id;
  if (!externalId || !matches?.source_system) return null;
  try {
    return (await records.getByExternalId(tenantId, type, matches.source_system, externalId)) as unknown as Row;
  } catch (error) {
    if (error instanceof RecordNotFoundError) return null;
    throw error;
  }
}
