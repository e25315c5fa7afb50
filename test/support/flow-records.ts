/**
 * A small distributor, just enough for every flow: customers (one with a contract price and part
 * numbers), items in one category, two warehouses with stock, a supplier with an email and an order
 * multiple, a purchase order received in part, supplier invoices (one matching, one not), open
 * customer orders, and an inbound shipment that will be late.
 */
export async function loadDistributor(load: (type: string, rows: unknown[]) => Promise<unknown>): Promise<void> {
  const erp = { source_system: "erp" };
  await load("locations", [
    { ...erp, external_id: "DC1", code: "DC1", name: "Dallas", kind: "warehouse" },
    { ...erp, external_id: "DC2", code: "DC2", name: "Houston", kind: "warehouse" },
  ]);
  await load("customers", [
    {
      ...erp,
      external_id: "C-100",
      account_number: "C-100",
      name: "Baxter Fabrication",
      status: "active",
      customer_class: "contractor",
      email: "orders@baxter.test",
      currency: "USD",
      credit_limit: 100000,
      balance: 2000,
    },
    {
      ...erp,
      external_id: "C-200",
      account_number: "C-200",
      name: "Globex Plant",
      status: "active",
      customer_class: "oem",
      email: "buy@globex.test",
      currency: "USD",
    },
    {
      ...erp,
      external_id: "C-666",
      account_number: "C-666",
      name: "Blocked Co",
      status: "active",
      customer_class: "blocked",
      currency: "USD",
    },
  ]);
  await load("suppliers", [
    {
      ...erp,
      external_id: "S-1",
      code: "S-1",
      name: "Northline Bearings",
      status: "active",
      email: "sales@northline.test",
      currency: "USD",
      order_multiple: 10,
      minimum_order_amount: 100,
      lead_time_days: 10,
    },
  ]);
  const item = (n: number, cost: string, price: string) => ({
    ...erp,
    external_id: `I-${n}`,
    sku: `BRG-${n}`,
    name: `Bearing ${n}`,
    base_uom: "EA",
    category: "Bearings",
    status: "active",
    currency: "USD",
    standard_cost: cost,
    list_price: price,
    uom_conversions: [{ uom: "BX", quantity_in_base: 10 }],
  });
  await load("items", [item(1, "8.00", "12.00"), item(2, "20.00", "30.00"), item(3, "5.00", "8.00"), item(4, "8.50", "12.50")]);
  await load("item-xrefs", [
    {
      ...erp,
      external_id: "X-1",
      item_external_id: "I-2",
      kind: "customer",
      customer_external_id: "C-100",
      part_number: "BAX-BRG-2",
    },
  ]);
  await load("price-agreements", [
    {
      ...erp,
      external_id: "PA-1",
      agreement_number: "PA-1",
      customer_external_id: "C-100",
      item_external_id: "I-1",
      uom: "EA",
      currency: "USD",
      contract_price: "9.00",
      valid_from: "2026-01-01",
      status: "active",
    },
  ]);
  await load("inventory-balances", [
    {
      ...erp,
      external_id: "B-1-DC1",
      item_external_id: "I-1",
      location_external_id: "DC1",
      uom: "EA",
      quantity_on_hand: "0",
      quantity_available: "0",
      as_of: "2026-12-01T00:00:00Z",
    },
    {
      ...erp,
      external_id: "B-1-DC2",
      item_external_id: "I-1",
      location_external_id: "DC2",
      uom: "EA",
      quantity_on_hand: "500",
      quantity_available: "500",
      as_of: "2026-12-01T00:00:00Z",
    },
    {
      ...erp,
      external_id: "B-3-DC1",
      item_external_id: "I-3",
      location_external_id: "DC1",
      uom: "EA",
      quantity_on_hand: "4",
      quantity_available: "4",
      as_of: "2026-12-01T00:00:00Z",
    },
  ]);
  await load("purchase-orders", [
    {
      ...erp,
      external_id: "PO-77",
      po_number: "PO-77",
      supplier_external_id: "S-1",
      status: "partially_received",
      order_date: "2026-11-01",
      location_external_id: "DC1",
      currency: "USD",
      lines: [
        { line_number: 1, item_external_id: "I-1", quantity: "100", uom: "EA", unit_cost: "8.00" },
        { line_number: 2, item_external_id: "I-3", quantity: "50", uom: "EA", unit_cost: "5.00" },
      ],
    },
  ]);
  await load("receipts", [
    {
      ...erp,
      external_id: "R-1",
      receipt_number: "R-1",
      purchase_order_external_id: "PO-77",
      supplier_external_id: "S-1",
      location_external_id: "DC1",
      status: "posted",
      received_at: "2026-11-20T10:00:00Z",
      lines: [
        { line_number: 1, purchase_order_line_number: 1, item_external_id: "I-1", quantity_received: "100", uom: "EA" },
        { line_number: 2, purchase_order_line_number: 2, item_external_id: "I-3", quantity_received: "40", uom: "EA" },
      ],
    },
  ]);
  const apInvoice = (id: string, lines: { n: number; po: number; item: string; qty: string; price: string }[]) => {
    const extended = lines.map((line) => (Number(line.qty) * Number(line.price)).toFixed(2));
    return {
      ...erp,
      external_id: id,
      invoice_number: id,
      kind: "ap",
      supplier_external_id: "S-1",
      purchase_order_external_id: "PO-77",
      status: "open",
      invoice_date: "2026-11-25",
      currency: "USD",
      total_amount: extended.reduce((sum, value) => sum + Number(value), 0).toFixed(2),
      lines: lines.map((line, index) => ({
        line_number: line.n,
        order_line_number: line.po,
        item_external_id: line.item,
        quantity: line.qty,
        uom: "EA",
        unit_price: line.price,
        extended_amount: extended[index],
      })),
    };
  };
  await load("invoices", [
    apInvoice("AP-GOOD", [{ n: 1, po: 1, item: "I-1", qty: "100", price: "8.00" }]),
    // 50 billed where 40 arrived, at 5.50 where the PO says 5.00.
    apInvoice("AP-BAD", [{ n: 1, po: 2, item: "I-3", qty: "50", price: "5.50" }]),
  ]);
  await load("sales-orders", [
    {
      ...erp,
      external_id: "SO-1",
      order_number: "SO-1",
      customer_external_id: "C-100",
      status: "open",
      order_date: "2026-11-28",
      promised_date: "2026-12-03",
      location_external_id: "DC1",
      currency: "USD",
      lines: [
        { line_number: 1, item_external_id: "I-1", quantity: "40", uom: "EA", unit_price: "9.00", promised_date: "2026-12-03" },
      ],
    },
    {
      ...erp,
      external_id: "SO-2",
      order_number: "SO-2",
      customer_external_id: "C-200",
      status: "open",
      order_date: "2026-11-29",
      promised_date: "2026-12-04",
      location_external_id: "DC1",
      currency: "USD",
      lines: [
        { line_number: 1, item_external_id: "I-3", quantity: "10", uom: "EA", unit_price: "8.00", promised_date: "2026-12-04" },
      ],
    },
  ]);
  await load("sales-orders", [
    {
      ...erp,
      external_id: "SO-3",
      order_number: "SO-3",
      customer_external_id: "C-200",
      status: "released",
      order_date: "2026-11-30",
      promised_date: "2026-12-05",
      location_external_id: "DC1",
      currency: "USD",
      lines: [
        { line_number: 1, item_external_id: "I-1", quantity: "150", uom: "EA", unit_price: "9.00", promised_date: "2026-12-05" },
      ],
    },
  ]);
  await load("shipments", [
    {
      ...erp,
      external_id: "ASN-9",
      shipment_number: "ASN-9",
      direction: "inbound",
      status: "in_transit",
      supplier_external_id: "S-1",
      purchase_order_external_id: "PO-77",
      destination_location_external_id: "DC1",
      estimated_delivery_at: "2026-12-10T12:00:00Z",
      currency: "USD",
      lines: [
        { line_number: 1, item_external_id: "I-1", quantity: "100", uom: "EA" },
        { line_number: 2, item_external_id: "I-3", quantity: "50", uom: "EA" },
      ],
    },
  ]);
}
