import type { Records, SalesOrder, Shipment } from "../../records/index.ts";
import type { DocumentCheck } from "../extract/read-document.ts";
import type { ReadValues, RecordMatches, Validation } from "./tolerances.ts";

/**
 * The outbound shipment a bill of lading is for: by the carrier's PRO as its tracking number, else
 * by the sales order it prints (the order's shipments).
 */
async function shipmentOf(records: Records, tenantId: string, document: ReadValues): Promise<Shipment | undefined> {
  const outbound = (shipments: unknown[]) => (shipments as Shipment[]).find((shipment) => shipment.direction === "outbound");
  const pro = document.fields.pro_number;
  if (pro) {
    const byPro = outbound((await records.list(tenantId, "shipment", { tracking_number: pro, limit: 5 })).data);
    if (byPro) return byPro;
  }
  const orderNumber = document.fields.order_number;
  if (!orderNumber) return undefined;
  const orders = (await records.list(tenantId, "sales_order", { order_number: orderNumber, limit: 5 })).data as SalesOrder[];
  for (const order of orders) {
    const shipments = (await records.list(tenantId, "shipment", { sales_order_external_id: order.external_id, limit: 20 })).data;
    const found = outbound(shipments.filter((shipment) => (shipment as Shipment).source_system === order.source_system));
    if (found) return found;
  }
  return undefined;
}

/**
 * A bill of lading against the records, where the tenant has shipments: the shipment it is for is
 * one Crossdock knows (`shipmentOf`), and the handling units counted on it are the shipment's
 * packages. A shipment is put in `matches` for routing to record the pickup.
 */
export async function validateBillOfLading(records: Records, tenantId: string, document: ReadValues): Promise<Validation> {
  const checks: DocumentCheck[] = [];
  const matches: RecordMatches = { source_system: null, line_items: document.lines.map(() => null) };
  const { pro_number: pro, order_number: orderNumber } = document.fields;
  if (!pro && !orderNumber) return { checks, matches };
  const shipment = await shipmentOf(records, tenantId, document);
  if (!shipment && (await records.list(tenantId, "shipment", { limit: 1 })).data.length === 0) return { checks, matches };
  const wanted = [pro ? `PRO ${pro}` : null, orderNumber ? `order ${orderNumber}` : null].filter(Boolean).join(" or ");
  checks.push({
    check: "shipment is known",
    passed: shipment !== undefined,
    expected: `an outbound shipment in the records for ${wanted}`,
    found: shipment ? `shipment ${shipment.shipment_number} (${shipment.external_id})` : "no such shipment",
    at_stake: null,
  });
  if (!shipment) return { checks, matches };
  Object.assign(matches, { source_system: shipment.source_system, shipment_external_id: shipment.external_id });
  const packages = document.fields.packages;
  if (packages !== undefined && shipment.package_count !== null && shipment.package_count !== undefined) {
    checks.push({
      check: "packages as shipped",
      passed: Number(packages) === shipment.package_count,
      expected: `${shipment.package_count} packages`,
      found: `${packages} packages`,
      at_stake: null,
    });
  }
  return { checks, matches };
}
