import { describe, expect, it } from "vitest";
import { recordTypes } from "../../../records/index.ts";
import { applyMapping, type MappedRecord } from "../apply-mapping.ts";
import { type CompiledMapping, compileMapping } from "../compile-mapping.ts";
import { MappingSpec } from "../contract/mapping-spec.ts";
import { READY_MAPPINGS } from "./index.ts";

function compiled(name: string): CompiledMapping {
  const ready = READY_MAPPINGS[name];
  if (!ready) throw new Error(`no ready mapping ${name}`);
  const result = compileMapping(ready.spec);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.mapping;
}

function mapExample(name: string, change: (example: Record<string, unknown>) => void = () => {}) {
  const example = structuredClone(READY_MAPPINGS[name]?.example) as Record<string, unknown>;
  change(example);
  return applyMapping(compiled(name), example);
}

function only(records: MappedRecord[], type: string): Record<string, unknown> {
  const found = records.filter((record) => record.type === type);
  expect(found).toHaveLength(1);
  return found[0]?.row as Record<string, unknown>;
}

describe("ready mappings", () => {
  it("ships the ones the ingest issue asks for", () => {
    expect(Object.keys(READY_MAPPINGS).sort()).toEqual([
      "carrier-tracking-event",
      "generic-erp-purchase-order",
      "generic-erp-sales-order",
      "generic-erp-shipment",
      "shopify-order",
    ]);
  });

  it.each(Object.keys(READY_MAPPINGS))(
    "%s: its spec is valid JSON and its example maps cleanly to rows the records contract accepts",
    (name) => {
      const ready = READY_MAPPINGS[name];
      // Stored as JSON with a source: survives the round trip and still parses.
      expect(MappingSpec.safeParse(JSON.parse(JSON.stringify(ready?.spec))).success).toBe(true);
      const result = mapExample(name);
      expect(result.problems).toEqual([]);
      expect(result.records.length).toBeGreaterThan(0);
      for (const record of result.records) {
        const parsed = recordTypes[record.type].input.safeParse(record.row);
        expect(parsed.error?.issues).toBeUndefined();
        expect(parsed.data).toEqual(record.row);
      }
    },
  );
});

describe("generic-erp-sales-order", () => {
  it("maps the order, its status codes and its lines", () => {
    const order = only(mapExample("generic-erp-sales-order").records, "sales_order");
    expect(order).toMatchObject({
      source_system: "erp",
      external_id: "SO-104233",
      order_number: "104233",
      customer_external_id: "C-20418",
      ship_to_external_id: "C-20418-03",
      status: "released",
      channel: "edi",
      currency: "USD",
      total_amount: "2672.9",
      attributes: { custom_fields: { job_number: "J-8812", priority: "high" }, erp_event_id: "evt-7f3c2a91" },
    });
    expect(order.lines).toMatchObject([
      {
        line_number: 1,
        item_external_id: "PVC-SCH40-2IN-10",
        quantity: "40",
        uom: "EA",
        unit_price: "18.45",
        location_external_id: "ATL1",
      },
      { line_number: 2, uom: "BX", status: "allocated" },
      {
        line_number: 3,
        status: "backordered",
        quantity_backordered: "10",
        requested_date: "2024-05-24",
        location_external_id: "CLT2",
      },
    ]);
  });

  it("holds back other events and unknown status codes as problems", () => {
    expect(mapExample("generic-erp-sales-order", (example) => (example.event = "sales_order.deleted")).problems).toMatchObject([
      { path: "$", message: expect.stringContaining("no record template matches this payload") },
    ]);
    const unknown = mapExample(
      "generic-erp-sales-order",
      (example) => ((example.data as Record<string, unknown>).status = "PENDING_CREDIT"),
    );
    expect(unknown.problems).toEqual([
      { path: "data.status", message: expect.stringMatching(/^sales_order.status: "PENDING_CREDIT" is not in the map/) },
    ]);
  });
});

describe("generic-erp-purchase-order", () => {
  it("maps the purchase order and its lines", () => {
    const po = only(mapExample("generic-erp-purchase-order").records, "purchase_order");
    expect(po).toMatchObject({
      external_id: "PO-7781",
      po_number: "7781",
      supplier_external_id: "V-1182",
      status: "sent",
      expected_date: "2024-05-24",
      total_amount: "9120",
      is_acknowledged: false,
      incoterms: "FOB",
    });
    expect(po.lines).toMatchObject([
      { line_number: 1, supplier_part_number: "MVF-BV100B", quantity: "300", unit_cost: "14.2", extended_cost: "4260" },
      { line_number: 2, promised_date: "2024-05-28", status: "open" },
    ]);
  });

  it("names a line's bad quantity by its payload path", () => {
    const result = mapExample("generic-erp-purchase-order", (example) => {
      const lines = (example.data as { lines: Record<string, unknown>[] }).lines;
      (lines[1] as Record<string, unknown>).qty = "sixty";
    });
    expect(result.problems).toEqual([
      {
        path: "data.lines[1].qty",
        message: 'purchase_order.lines[1].quantity: must be a decimal number, e.g. "12.50" (got "sixty")',
      },
    ]);
  });
});

describe("generic-erp-shipment", () => {
  it("maps the shipment, its lines and its tracking events", () => {
    const shipment = only(mapExample("generic-erp-shipment").records, "shipment");
    expect(shipment).toMatchObject({
      external_id: "SHP-20240515-0042",
      direction: "outbound",
      status: "in_transit",
      tracking_number: "748922105561",
      sales_order_external_id: "SO-104233",
      estimated_delivery_at: "2024-05-17T21:00:00.000Z",
      delivered_at: null,
      weight: "1342.5",
      weight_uom: "LB",
      package_count: 3,
    });
    expect(shipment.lines).toHaveLength(3);
    expect(shipment.tracking_events).toMatchObject([
      { occurred_at: "2024-05-15T20:20:00.000Z", status: "picked_up", code: "PU", region: "GA", country: "US" },
    ]);
  });

  it("maps an inbound shipment from a supplier", () => {
    const result = mapExample("generic-erp-shipment", (example) => {
      const data = example.data as Record<string, unknown>;
      Object.assign(data, {
        direction: "inbound",
        supplier_id: "V-1182",
        purchase_order_id: "PO-7781",
        destination_warehouse: "ATL1",
      });
      delete data.customer_id;
      delete data.sales_order_id;
    });
    expect(only(result.records, "shipment")).toMatchObject({
      direction: "inbound",
      supplier_external_id: "V-1182",
      purchase_order_external_id: "PO-7781",
      customer_external_id: null,
    });
  });
});

describe("shopify-order", () => {
  it("maps the order, its line items and the customer", () => {
    const { records } = mapExample("shopify-order");
    const order = only(records, "sales_order");
    expect(order).toMatchObject({
      source_system: "shopify",
      external_id: "5841939415306",
      order_number: "#1187",
      customer_external_id: "7052188319754",
      customer_po_number: "BL-2291",
      status: "open",
      // Placed at 21:41 in New York on the 14th (already the 15th in UTC): the order date is the 14th.
      order_date: "2024-05-14",
      channel: "web",
      subtotal: "675.8",
      freight_amount: "25",
      total_amount: "748.11",
      shipping_method: "UPS Ground",
    });
    expect(order.attributes).toMatchObject({ financial_status: "paid", shipping_address: { city: "Atlanta", zip: "30318" } });
    expect(order.lines).toMatchObject([
      {
        line_number: 1,
        item_external_id: "THERM-PRG-7D",
        description: "Programmable thermostat, 7-day – White",
        quantity: "4",
        unit_price: "89.95",
      },
      { line_number: 2, item_external_id: "FLTR-MERV11-20X25", quantity: "24", unit_price: "10.5" },
      // No SKU: the variant names the item.
      { line_number: 3, item_external_id: "shopify-variant-44811870044426", uom: "EA", status: "open" },
    ]);
    expect(only(records, "customer")).toMatchObject({
      external_id: "7052188319754",
      name: "Brightline HVAC",
      status: "active",
      region: "GA",
      country: "US",
      tax_exempt: false,
      customer_since: "2023-02-08",
    });
  });

  it("books a guest checkout to the guest account, with no customer record", () => {
    const { records, problems } = mapExample("shopify-order", (example) => (example.customer = null));
    expect(problems).toEqual([]);
    expect(records.map((record) => record.type)).toEqual(["sales_order"]);
    expect(records[0]?.row.customer_external_id).toBe("shopify-guest");
  });

  it("follows fulfilment and cancellation", () => {
    const shipped = mapExample("shopify-order", (example) => (example.fulfillment_status = "fulfilled"));
    expect(shipped.records[0]?.row.status).toBe("shipped");
    const cancelled = mapExample("shopify-order", (example) => {
      example.fulfillment_status = "partial";
      example.cancelled_at = "2024-05-15T08:00:00-04:00";
    });
    expect(cancelled.records[0]?.row.status).toBe("cancelled");
  });

  it("names a line item without a SKU or a variant", () => {
    const result = mapExample("shopify-order", (example) => {
      const items = example.line_items as Record<string, unknown>[];
      (items[2] as Record<string, unknown>).variant_id = null;
    });
    expect(result.problems).toEqual([
      {
        path: "line_items[2].sku",
        message: expect.stringMatching(/^sales_order.lines\[2\].item_external_id: is required, but none is present/),
      },
    ]);
  });
});

describe("carrier-tracking-event", () => {
  it("maps the event onto the carrier's shipment, by tracking number", () => {
    const shipment = only(mapExample("carrier-tracking-event").records, "shipment");
    expect(shipment).toMatchObject({
      source_system: "carrier",
      external_id: "1Z84V3E20396581427",
      shipment_number: "SHP-20240514-0039",
      direction: "outbound",
      status: "in_transit",
      carrier: "UPS",
      ship_date: "2024-05-14",
      estimated_delivery_at: "2024-05-18T00:00:00.000Z",
      delivered_at: null,
    });
    expect(shipment.tracking_events).toEqual([
      {
        occurred_at: "2024-05-15T20:38:00.000Z",
        status: "in_transit",
        code: "IT",
        description: "Departed from facility",
        city: "Chattanooga",
        region: "TN",
        country: "US",
        estimated_delivery_at: "2024-05-18T00:00:00.000Z",
        attributes: { event_id: "trk_01HXZ4Q8M2K7", postal_code: "37421" },
      },
    ]);
  });

  it("sets delivered_at on a delivery", () => {
    const result = mapExample("carrier-tracking-event", (example) => {
      example.status_code = "DL";
      example.signed_by = "R. DIAZ";
    });
    expect(only(result.records, "shipment")).toMatchObject({
      status: "delivered",
      delivered_at: "2024-05-15T20:38:00.000Z",
      attributes: { signed_by: "R. DIAZ" },
    });
  });

  it("holds an unknown status code and a bad event time as problems naming their paths", () => {
    const result = mapExample("carrier-tracking-event", (example) => {
      example.status_code = "ZZ";
      example.event_time = "yesterday";
    });
    expect(result.records).toEqual([]);
    expect(result.problems.map((problem) => problem.path)).toEqual(["status_code", "event_time", "status_code"]);
    expect(result.problems[1]?.message).toBe(
      'shipment.tracking_events[0].occurred_at: "yesterday" is not a number of seconds since 1970',
    );
  });
});
