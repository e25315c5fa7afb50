import type { RecordInput } from "../../../modules/records/index.ts";
import type { Random } from "../../random.ts";
import type { DemoRecords } from "../../world.ts";

/** The unit an item is sold in: its first conversion, else its base unit. */
export const salesUom = (item: RecordInput<"item">): string => item.uom_conversions?.[0]?.uom ?? item.base_uom;

/**
 * The fixture's master data: two warehouses, customers with ship-tos, suppliers, items (some
 * hazardous) with supplier part numbers, and two customers' own part numbers.
 */
export function addMasterData(records: DemoRecords, random: Random): void {
  const source = "erp";
  const items = records.item;
  records.location.push(
    location("LOC-CLE", "DC-CLE", "Cleveland DC", "4100 Lakeside Commerce Pkwy", "Cleveland", "OH", "44114", "America/New_York"),
    location("LOC-DAL", "DC-DAL", "Dallas DC", "2200 Irving Blvd", "Dallas", "TX", "75207", "America/Chicago"),
  );

  const customers = [
    ["CUS-1001", "C1001", "Acme Fabrication Inc.", "Toledo", "OH", "43604"],
    ["CUS-1002", "C1002", "Granite Mechanical LLC", "Akron", "OH", "44308"],
    ["CUS-1003", "C1003", "Lone Star Plant Services", "Houston", "TX", "77002"],
    ["CUS-1004", "C1004", "Keystone Facilities Group", "Pittsburgh", "PA", "15222"],
    ["CUS-1005", "C1005", "Riverbend Packaging Co.", "Fort Worth", "TX", "76102"],
    ["CUS-1006", "C1006", "Northstar Metalworks", "Detroit", "MI", "48226"],
  ] as const;
  for (const [id, account, name, city, region, postal] of customers) {
    records.customer.push({
      source_system: source,
      external_id: id,
      account_number: account,
      name,
      status: "active",
      address_line1: `${random.int(100, 9999)} Industrial Pkwy`,
      city,
      region,
      postal_code: postal,
      country: "US",
      phone: `+1 555 010 ${random.int(1000, 9999)}`,
      currency: "USD",
      payment_terms: random.pick(["NET30", "NET45", "2/10 NET30"]),
    });
    records.ship_to.push({
      source_system: source,
      external_id: `${id}-ST1`,
      customer_external_id: id,
      code: "MAIN",
      name: `${name} Main Plant`,
      address_line1: `${random.int(100, 9999)} Factory Rd`,
      address_line2: random.chance(0.5) ? "Dock 3" : null,
      city,
      region,
      postal_code: postal,
      country: "US",
      contact_name: "Receiving",
      delivery_instructions: random.chance(0.5) ? "Deliver to receiving dock 7am-3pm" : null,
      shipping_method: random.pick(["Best way", "UPS Ground", "LTL"]),
    });
  }

  const suppliers = [
    ["SUP-01", "FASTCO", "Fastco Fastener Manufacturing", "Chicago", "IL", "60607"],
    ["SUP-02", "VOLTA", "Volta Electrical Products", "Milwaukee", "WI", "53202"],
    ["SUP-03", "SHIELD", "Shieldline Safety Corp.", "Charlotte", "NC", "28202"],
    ["SUP-04", "CLEANR", "Cleanright Chemical Co.", "Memphis", "TN", "38103"],
  ] as const;
  for (const [id, code, name, city, region, postal] of suppliers) {
    records.supplier.push({
      source_system: source,
      external_id: id,
      code,
      name,
      address_line1: `${random.int(100, 9999)} Commerce Dr`,
      city,
      region,
      postal_code: postal,
      country: "US",
      payment_terms: "NET30",
    });
  }

  const families = [
    ["fasteners", "Hex cap screw 3/8-16 x 1-1/2, grade 5, zinc", "BX", 100, "9.2400", "SUP-01", false],
    ["fasteners", "Nylon insert lock nut 1/4-20, zinc", "BX", 100, "6.1150", "SUP-01", false],
    ["fasteners", "Flat washer 1/2 SAE, zinc", "BX", 100, "3.4800", "SUP-01", false],
    ["electrical", "THHN wire 12 AWG black, 500 ft reel", "RL", 1, "84.5000", "SUP-02", false],
    ["electrical", "Twist-on wire connector yellow 18-10 AWG", "BX", 100, "11.9000", "SUP-02", false],
    ["safety", "Nitrile disposable gloves, large, 5 mil", "BX", 100, "7.2500", "SUP-03", false],
    ["safety", "Safety glasses, clear anti-fog lens", "EA", 1, "3.1900", "SUP-03", false],
    ["janitorial", "Degreaser concentrate, 1 gal", "GAL", 1, "18.7500", "SUP-04", true],
    ["janitorial", "Isopropyl alcohol 99%, 1 gal", "GAL", 1, "22.4000", "SUP-04", true],
    ["abrasives", "Flap disc 4-1/2 in. 60 grit zirconia", "EA", 1, "4.3700", "SUP-01", false],
  ] as const;
  let itemNumber = 0;
  for (const [category, name, uom, pack, cost, supplier, hazardous] of families) {
    for (let variant = 0; variant < 4; variant++) {
      itemNumber++;
      const id = `ITEM-${String(itemNumber).padStart(4, "0")}`;
      records.item.push({
        source_system: source,
        external_id: id,
        sku: `HIS-${category.slice(0, 3).toUpperCase()}-${10_000 + itemNumber * 7}`,
        name: variant === 0 ? name : `${name} (${["bulk", "USA made", "premium", "value"][variant]})`,
        base_uom: uom === "BX" ? "EA" : uom,
        category,
        preferred_supplier_external_id: supplier,
        currency: "USD",
        standard_cost: cost,
        list_price: (Number(cost) * 1.45).toFixed(4),
        weight: uom === "RL" ? "38" : uom === "GAL" ? "9.1" : "0.12",
        weight_uom: "LB",
        is_hazardous: hazardous,
        uom_conversions:
          uom === "BX" ? [{ uom: "BX", quantity_in_base: pack, weight: "2.4", weight_uom: "LB", is_sales_default: true }] : [],
      });
      if (variant < 2) {
        records.item_xref.push({
          source_system: source,
          external_id: `XS-${id}`,
          item_external_id: id,
          kind: "supplier",
          supplier_external_id: supplier,
          part_number: `${supplier.slice(-2)}-${random.int(10_000, 99_999)}`,
          status: "active",
        });
      }
    }
  }

  // Two customers keep their own part numbers for much of what they buy.
  for (const customer of ["CUS-1001", "CUS-1003"]) {
    for (const item of items.filter((_, index) => index % 3 !== 0)) {
      records.item_xref.push({
        source_system: source,
        external_id: `XC-${customer}-${item.external_id}`,
        item_external_id: item.external_id,
        kind: "customer",
        customer_external_id: customer,
        part_number: `${customer.slice(-2)}${random.int(100_000, 999_999)}`,
        description: random.chance(0.5) ? item.name.toUpperCase().slice(0, 30) : null,
        status: "active",
      });
    }
  }
}

function location(
  id: string,
  code: string,
  name: string,
  line1: string,
  city: string,
  region: string,
  postal: string,
  timezone: string,
): RecordInput<"location"> {
  return {
    source_system: "erp",
    external_id: id,
    code,
    name,
    kind: "distribution_center",
    address_line1: line1,
    city,
    region,
    postal_code: postal,
    country: "US",
    timezone,
    is_fulfillment: true,
  };
}

/** The fixture's calendar: day 0 is 2024-11-01. */
export function day(offset: number): string {
  const date = new Date(Date.UTC(2024, 10, 1) + Math.floor(offset) * 86_400_000);
  return date.toISOString().slice(0, 10);
}

export function emptyRecords(): DemoRecords {
  return {
    item: [],
    item_xref: [],
    location: [],
    customer: [],
    ship_to: [],
    supplier: [],
    price_list: [],
    price_agreement: [],
    sales_order: [],
    purchase_order: [],
    receipt: [],
    shipment: [],
    invoice: [],
    inventory_balance: [],
    inventory_movement: [],
    service_case: [],
  };
}
