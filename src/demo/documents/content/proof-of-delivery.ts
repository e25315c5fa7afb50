import type { RecordInput } from "../../../modules/records/index.ts";
import type { Random } from "../../random.ts";
import { type Micros, toMicros } from "../decimal.ts";
import { mustGet, type WorldIndex } from "../world-index.ts";
import { companyParty, customerParty, locationParty, type Party, shipToParty } from "./party.ts";
import { receiverName } from "./people.ts";
import { type SourceRef, sourceOf } from "./source.ts";

/** Something the driver or receiver noted at delivery: "2 CARTONS DAMAGED". */
type DeliveryException = { kind: "damaged" | "short" | "refused" | "other"; cartons: number; text: string };

/** A carrier's delivery receipt for an outbound shipment, signed by whoever took the goods. */
export type ProofOfDeliveryContent = {
  source: SourceRef;
  salesOrderExternalId: string | null;
  customerExternalId: string | null;
  carrier: string;
  proNumber: string;
  shipmentNumber: string;
  shipDate: string | null;
  deliveredAt: string;
  timeZone: string;
  receiverName: string;
  shipper: Party;
  consignee: Party;
  orderNumber: string | null;
  customerPoNumber: string | null;
  packages: number | null;
  weight: Micros | null;
  weightUom: string;
  exceptions: DeliveryException[];
};

export function proofOfDeliveryOf(
  index: WorldIndex,
  shipment: RecordInput<"shipment">,
  random: Random,
  cases: readonly RecordInput<"service_case">[],
): ProofOfDeliveryContent {
  const order = shipment.sales_order_external_id ? index.salesOrders.get(shipment.sales_order_external_id) : undefined;
  const customer = mustGet(index.customers, shipment.customer_external_id ?? order?.customer_external_id, "customer");
  const shipToId = shipment.ship_to_external_id ?? order?.ship_to_external_id;
  const shipTo = shipToId ? index.shipTos.get(shipToId) : undefined;
  const originId = shipment.origin_location_external_id ?? order?.location_external_id;
  const origin = originId ? index.locations.get(originId) : undefined;
  const packages = shipment.package_count != null ? Number(shipment.package_count) : null;
  return {
    source: sourceOf("shipment", shipment),
    salesOrderExternalId: order?.external_id ?? null,
    customerExternalId: customer.external_id,
    carrier: shipment.carrier ?? "Harbor fleet",
    proNumber: shipment.tracking_number ?? shipment.shipment_number,
    shipmentNumber: shipment.shipment_number,
    shipDate: shipment.ship_date ?? null,
    deliveredAt: shipment.delivered_at ?? `${shipment.ship_date ?? index.world.end}T18:00:00.000Z`,
    timeZone: origin?.timezone ?? "America/New_York",
    receiverName:
      random.chance(0.6) && shipTo?.contact_name && shipTo.contact_name !== "Receiving"
        ? shipTo.contact_name
        : receiverName(random),
    shipper: origin ? locationParty(origin, index.world.company) : companyParty(index.world.company),
    consignee: shipTo ? shipToParty(shipTo, customer) : customerParty(customer),
    orderNumber: order?.order_number ?? null,
    customerPoNumber: order?.customer_po_number ?? null,
    packages,
    weight: shipment.weight != null ? toMicros(shipment.weight) : null,
    weightUom: shipment.weight_uom ?? "LB",
    exceptions: exceptionsOf(cases, packages, random),
  };
}

/**
 * Exceptions come from the service cases the world opened about the shipment (a damage claim starts
 * on the receipt), and now and then from a note that led to no case.
 */
function exceptionsOf(
  cases: readonly RecordInput<"service_case">[],
  packages: number | null,
  random: Random,
): DeliveryException[] {
  const cartons = (most: number) => Math.max(1, Math.min(packages ?? most, random.int(1, most)));
  const fromCases = cases.flatMap((serviceCase): DeliveryException[] => {
    if (serviceCase.category === "damage") {
      const count = cartons(3);
      return [{ kind: "damaged", cartons: count, text: `${count} ${count === 1 ? "carton" : "cartons"} damaged` }];
    }
    if (serviceCase.category === "shortage") {
      const count = cartons(2);
      return [{ kind: "short", cartons: count, text: `short ${count} ${count === 1 ? "carton" : "cartons"}` }];
    }
    return [];
  });
  if (fromCases.length > 0 || !random.chance(0.12)) return fromCases;
  return [
    random.pick<DeliveryException>([
      { kind: "other", cartons: 0, text: "shrink wrap torn, contents OK" },
      { kind: "damaged", cartons: 1, text: "1 carton crushed" },
      { kind: "refused", cartons: 1, text: "refused 1 carton, wrong item" },
    ]),
  ];
}
