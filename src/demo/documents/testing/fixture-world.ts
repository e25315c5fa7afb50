import type { RecordInput } from "../../../modules/records/index.ts";
import { Random } from "../../random.ts";
import type { DemoRecords, DemoScale, DemoWorld } from "../../world.ts";

/**
 * A small hand-made distributor for the documents' tests, until (and beside) the real world
 * generator: customers with ship-tos and part numbers, items (some hazardous), suppliers, sales and
 * purchase orders, AP invoices (one of them wrong), shipments both ways, rebate agreements.
 */
export function fixtureWorld(scale: DemoScale = "small"): DemoWorld {
  const orderCount = { small: 40, medium: 260, large: 900 }[scale];
  const random = new Random("fixture-world");
  const source = "erp";
  const records = emptyRecords();

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
  const items = records.item;
  const salesUom = (item: RecordInput<"item">) => item.uom_conversions?.[0]?.uom ?? item.base_uom;

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

  for (let index = 0; index < orderCount; index++) {
    const customer = records.customer[index % records.customer.length] as RecordInput<"customer">;
    const lineCount = index === 3 ? 62 : random.int(1, 9);
    const orderDate = day(20 + index * (600 / orderCount));
    const lines = random.sample(items, Math.min(lineCount, items.length)).map((item, lineIndex) => {
      const quantity = random.int(1, 40);
      const price = (Number(item.list_price) * (0.8 + random.next() * 0.2)).toFixed(random.chance(0.3) ? 4 : 2);
      return {
        line_number: lineIndex + 1,
        item_external_id: item.external_id,
        quantity: String(quantity),
        uom: salesUom(item),
        unit_price: price,
        extended_price: (Math.round(quantity * Number(price) * 100) / 100).toFixed(2),
        requested_date: day(27 + index * (600 / orderCount)),
      };
    });
    // The 62-line order repeats items: a blanket order for several releases.
    while (lines.length < lineCount) {
      const copy = lines[lines.length % items.length] as (typeof lines)[number];
      lines.push({ ...copy, line_number: lines.length + 1 });
    }
    const subtotal = lines.reduce((sum, line) => sum + Number(line.extended_price), 0);
    records.sales_order.push({
      source_system: source,
      external_id: `SO-${100_000 + index}`,
      order_number: `SO${100_000 + index}`,
      customer_external_id: customer.external_id,
      ship_to_external_id: `${customer.external_id}-ST1`,
      customer_po_number: index % 11 === 10 ? null : `${customer.account_number?.slice(-2)}-${4_500_000 + index * 13}`,
      status: "shipped",
      order_date: orderDate,
      requested_date: lines[0]?.requested_date ?? null,
      location_external_id: index % 2 ? "LOC-DAL" : "LOC-CLE",
      channel: (["email", "edi", "fax", "portal", "phone"] as const)[index % 5],
      currency: "USD",
      subtotal: subtotal.toFixed(2),
      tax_amount: index % 4 === 0 ? (subtotal * 0.0725).toFixed(2) : "0",
      total_amount: (subtotal * (index % 4 === 0 ? 1.0725 : 1)).toFixed(2),
      payment_terms: customer.payment_terms ?? null,
      lines,
    });
  }

  const orders = records.sales_order;
  for (let index = 0; index < Math.ceil(orderCount * 0.5); index++) {
    const order = orders[index % orders.length] as RecordInput<"sales_order">;
    const shipDate = day(22 + index * (600 / orderCount));
    const delivered = index % 3 !== 2;
    records.shipment.push({
      source_system: source,
      external_id: `SHP-OUT-${index}`,
      shipment_number: `SH${700_000 + index}`,
      direction: "outbound",
      status: delivered ? "delivered" : "in_transit",
      carrier: random.pick(["Old Dominion", "Estes Express", "UPS Freight", "FedEx Freight"]),
      service_level: "LTL Standard",
      tracking_number: String(random.int(100_000_000, 999_999_999)),
      sales_order_external_id: order.external_id,
      customer_external_id: order.customer_external_id,
      ship_to_external_id: order.ship_to_external_id ?? null,
      origin_location_external_id: order.location_external_id ?? null,
      ship_date: shipDate,
      delivered_at: delivered
        ? `${day(24 + index * (600 / orderCount))}T${String(13 + (index % 6)).padStart(2, "0")}:${String(index % 60).padStart(2, "0")}:00.000Z`
        : null,
      weight: index % 5 === 0 ? null : String(random.int(40, 900)),
      weight_uom: "LB",
      package_count: index % 5 === 0 ? null : random.int(1, 12),
      lines: (order.lines ?? []).slice(0, 12).map((line, lineIndex) => ({
        line_number: lineIndex + 1,
        item_external_id: line.item_external_id,
        quantity: line.quantity,
        uom: line.uom,
        order_line_number: line.line_number,
      })),
    });
  }
  records.service_case.push({
    source_system: source,
    external_id: "CASE-1",
    case_number: "CS-5001",
    subject: "Two cartons arrived crushed",
    category: "damage",
    status: "open",
    shipment_external_id: "SHP-OUT-1",
    opened_at: `${day(30)}T15:00:00.000Z`,
  });

  const purchaseCount = Math.ceil(orderCount * 0.4);
  for (let index = 0; index < purchaseCount; index++) {
    const supplier = records.supplier[index % records.supplier.length] as RecordInput<"supplier">;
    const supplied = items.filter((item) => item.preferred_supplier_external_id === supplier.external_id);
    const lines = random.sample(supplied, random.int(1, Math.min(6, supplied.length))).map((item, lineIndex) => {
      const quantity = random.int(5, 200);
      return {
        line_number: lineIndex + 1,
        item_external_id: item.external_id,
        quantity: String(quantity),
        uom: salesUom(item),
        unit_cost: String(item.standard_cost),
        extended_cost: (quantity * Number(item.standard_cost)).toFixed(2),
      };
    });
    const orderDate = day(10 + index * (600 / purchaseCount));
    const total = lines.reduce((sum, line) => sum + Number(line.extended_cost), 0);
    records.purchase_order.push({
      source_system: source,
      external_id: `PO-${300_000 + index}`,
      po_number: `P${300_000 + index}`,
      supplier_external_id: supplier.external_id,
      status: "received",
      order_date: orderDate,
      location_external_id: index % 2 ? "LOC-DAL" : "LOC-CLE",
      currency: "USD",
      total_amount: total.toFixed(2),
      lines,
    });
    records.shipment.push({
      source_system: source,
      external_id: `SHP-IN-${index}`,
      shipment_number: `ASN${50_000 + index}`,
      direction: "inbound",
      status: "delivered",
      carrier: random.pick(["Old Dominion", "Saia", "XPO Logistics"]),
      tracking_number: `PRO${random.int(1_000_000, 9_999_999)}`,
      purchase_order_external_id: `PO-${300_000 + index}`,
      supplier_external_id: supplier.external_id,
      destination_location_external_id: index % 2 ? "LOC-DAL" : "LOC-CLE",
      ship_date: day(14 + index * (600 / purchaseCount)),
      estimated_delivery_at: `${day(18 + index * (600 / purchaseCount))}T17:00:00.000Z`,
      weight: String(random.int(50, 2000)),
      weight_uom: "LB",
      package_count: random.int(1, 30),
      lines: lines.map((line) => ({
        line_number: line.line_number,
        item_external_id: line.item_external_id,
        quantity: line.quantity,
        uom: line.uom,
        order_line_number: line.line_number,
        lot_number: random.chance(0.3) ? `L${random.int(1000, 9999)}` : null,
      })),
    });
    const wrong = index === 1;
    const invoiceLines = lines.map((line) => ({
      line_number: line.line_number,
      item_external_id: line.item_external_id,
      description: items.find((item) => item.external_id === line.item_external_id)?.name ?? null,
      quantity: line.quantity,
      uom: line.uom,
      unit_price: line.unit_cost,
      extended_amount: line.extended_cost,
      order_line_number: line.line_number,
    }));
    const freight = index % 3 === 0 ? 45 : 0;
    records.invoice.push({
      source_system: source,
      external_id: `APINV-${index}`,
      kind: "ap",
      invoice_number: `${supplier.code}-${80_000 + index * 3}`,
      supplier_external_id: supplier.external_id,
      purchase_order_external_id: `PO-${300_000 + index}`,
      status: "open",
      invoice_date: day(16 + index * (600 / purchaseCount)),
      due_date: day(46 + index * (600 / purchaseCount)),
      currency: "USD",
      subtotal: total.toFixed(2),
      tax_amount: "0",
      freight_amount: freight.toFixed(2),
      total_amount: (total + freight + (wrong ? 100 : 0)).toFixed(2),
      payment_terms: "NET30",
      reference: `P${300_000 + index}`,
      lines: invoiceLines,
    });
  }

  records.price_agreement.push(
    ...["CUS-1002", "CUS-1004", "CUS-1005"].flatMap((customer, customerIndex) =>
      items
        .filter((item) => item.preferred_supplier_external_id === (customerIndex === 0 ? "SUP-02" : "SUP-03"))
        .slice(0, 4)
        .map(
          (item, index): RecordInput<"price_agreement"> => ({
            source_system: source,
            external_id: `PAG-${customer}-${index}`,
            agreement_number: `SPA-${2200 + customerIndex * 10 + index}`,
            customer_external_id: customer,
            item_external_id: item.external_id,
            uom: salesUom(item),
            currency: "USD",
            contract_price: (Number(item.standard_cost) * 1.05).toFixed(4),
            valid_from: day(0),
            valid_to: day(729),
            status: "active",
            rebate_supplier_external_id: item.preferred_supplier_external_id ?? null,
          }),
        ),
    ),
  );
  // Every customer with an agreement buys the agreed items, so claims have something to claim.
  for (const agreement of records.price_agreement) {
    for (let month = 0; month < 24; month += 2) {
      const index = records.sales_order.length;
      const item = items.find((candidate) => candidate.external_id === agreement.item_external_id);
      records.sales_order.push({
        source_system: source,
        external_id: `SO-${100_000 + index}`,
        order_number: `SO${100_000 + index}`,
        customer_external_id: agreement.customer_external_id,
        status: "invoiced",
        order_date: day(15 + month * 30),
        channel: "phone",
        currency: "USD",
        lines: [
          {
            line_number: 1,
            item_external_id: agreement.item_external_id,
            quantity: String(5 + month),
            uom: agreement.uom,
            unit_price: String(agreement.contract_price),
            description: item?.name ?? null,
          },
        ],
      });
    }
  }

  const invoices = records.invoice;
  const first = invoices[0] as RecordInput<"invoice">;
  const third = invoices[2] as RecordInput<"invoice">;
  // A supplier that bills its first line 10% above the PO cost, totals adding up to the higher price.
  const [firstLine, ...otherLines] = first.lines ?? [];
  if (firstLine) {
    const price = (Number(firstLine.unit_price) * 1.1).toFixed(4);
    const extended = (Number(firstLine.quantity) * Number(price)).toFixed(2);
    const subtotal = [extended, ...otherLines.map((line) => line.extended_amount)].reduce<number>(
      (sum, amount) => sum + Number(amount),
      0,
    );
    first.lines = [{ ...firstLine, unit_price: price, extended_amount: extended }, ...otherLines];
    first.subtotal = subtotal.toFixed(2);
    first.total_amount = (subtotal + Number(first.freight_amount ?? 0)).toFixed(2);
  }
  // A supplier that bills one delivery twice under one number.
  invoices.push({ ...third, external_id: `${third.external_id}-DUP`, invoice_date: day(300) });
  return {
    seed: 1,
    scale,
    company: {
      name: "Harbor Industrial Supply",
      legalName: "Harbor Industrial Supply Co.",
      address: { line1: "4100 Lakeside Commerce Pkwy", city: "Cleveland", region: "OH", postalCode: "44114", country: "US" },
      phone: "+1 216 555 0140",
      email: "orders@harbor-industrial.example",
      website: "https://harbor-industrial.example",
      ediId: "HARBORIND",
      currency: "USD",
    },
    start: day(0),
    end: day(729),
    records,
    truth: {
      demand: [],
      lateShipments: [],
      deterioratingCustomers: [],
      keyAccounts: [],
      invoiceErrors: [
        { invoiceExternalId: "APINV-1", kind: "wrong_total", detail: "total is 100.00 more than lines plus freight" },
        {
          invoiceExternalId: `${third.external_id}-DUP`,
          kind: "duplicate_number",
          detail: `repeats invoice ${third.invoice_number}`,
        },
        { invoiceExternalId: first.external_id, kind: "price_above_agreement", detail: "line 1 billed above the PO cost" },
      ],
      supersededItems: [],
    },
  };
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
function day(offset: number): string {
  const date = new Date(Date.UTC(2024, 10, 1) + Math.floor(offset) * 86_400_000);
  return date.toISOString().slice(0, 10);
}

function emptyRecords(): DemoRecords {
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
