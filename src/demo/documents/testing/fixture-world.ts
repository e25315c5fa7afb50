import type { RecordInput } from "../../../modules/records/index.ts";
import { Random } from "../../random.ts";
import type { DemoScale, DemoWorld } from "../../world.ts";
import { addMasterData, day, emptyRecords, salesUom } from "./fixture-master-data.ts";

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

  addMasterData(records, random);
  const items = records.item;

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
