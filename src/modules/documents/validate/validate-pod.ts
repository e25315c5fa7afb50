import type { Records, Shipment } from "../../records/index.ts";
import type { DocumentCheck } from "../extract/read-document.ts";
import type { ReadValues, RecordMatches, Validation } from "./tolerances.ts";

/**
 * A proof of delivery against the records, where the tenant has shipments: the shipment it proves
 * is one Crossdock knows (by the carrier's PRO as its tracking number, else the shipper's
 * reference as its number), and the pieces delivered are the pieces shipped.
 */
export async function validateProofOfDelivery(records: Records, tenantId: string, document: ReadValues): Promise<Validation> {
  const checks: DocumentCheck[] = [];
  const matches: RecordMatches = { source_system: null, line_items: document.lines.map(() => null) };
  const pro = document.fields.pro_number;
  const reference = document.fields.shipment_number;
  if (!pro && !reference) return { checks, matches };
  let found: Shipment[] = pro
    ? ((await records.list(tenantId, "shipment", { tracking_number: pro, limit: 5 })).data as Shipment[])
    : [];
  if (found.length === 0 && reference)
    found = (await records.list(tenantId, "shipment", { shipment_number: reference, limit: 5 })).data as Shipment[];
  const shipment = found[0];
  if (!shipment && (await records.list(tenantId, "shipment", { limit: 1 })).data.length === 0) return { checks, matches };
  const wanted = [pro ? `PRO ${pro}` : null, reference ? `shipment ${reference}` : null].filter(Boolean).join(" or ");
  checks.push({
    check: "shipment is known",
    passed: shipment !== undefined,
    expected: `a shipment in the records for ${wanted}`,
    found: shipment ? `shipment ${shipment.shipment_number} (${shipment.external_id})` : "no such shipment",
    at_stake: null,
  });
  if (!shipment) return { checks, matches };
  Object.assign(matches, { source_system: shipment.source_system, shipment_external_id: shipment.external_id });
  const pieces = document.fields.packages;
  if (pieces !== undefined && shipment.package_count !== null && shipment.package_count !== undefined) {
    checks.push({
      check: "pieces delivered as shipped",
      passed: Number(pieces) === shipment.package_count,
      expected: `${shipment.package_count} pieces`,
      found: `${pieces} pieces`,
      at_stake: null,
    });
  }
  return { checks, matches };
}
