import { type ApiCall, expectStatus } from "./api.ts";

export const PASSWORD = "correct horse battery staple";

export const PEOPLE = {
  admin: { email: "ada@acme.example", name: "Ada Admin", roles: ["admin"] },
  viewer: { email: "vic@acme.example", name: "Vic Viewer", roles: ["viewer"] },
  partner: { email: "pat@northwind.example", name: "Pat Partner", roles: ["partner_admin"] },
} as const;

const CATEGORIES = ["Bearings", "Fasteners", "Power transmission", "Safety", "Electrical"];

/** `count` items with SKUs ITM-00001…, spread over categories, as one ERP would send them. */
export function makeItems(count: number, offset = 0) {
  return Array.from({ length: count }, (_, index) => {
    const n = index + offset + 1;
    return {
      source_system: "erp",
      external_id: `I-${String(n).padStart(5, "0")}`,
      sku: `ITM-${String(n).padStart(5, "0")}`,
      name: `${CATEGORIES[n % CATEGORIES.length]} item ${n}`,
      base_uom: "EA",
      category: CATEGORIES[n % CATEGORIES.length],
      status: n % 17 === 0 ? "discontinued" : "active",
      currency: "USD",
      list_price: (n % 500) + 0.5,
      uom_conversions: [{ uom: "BX", quantity_in_base: 10 }],
    };
  });
}

/**
 * The world the browser tests work in: a partner (Northwind Partners) with two tenants, Acme
 * Supply and Beacon Tools; in Acme an admin, a viewer and the partner's admin; 300 items, a
 * customer and a sales order with lines, one item changed twice so it has a history.
 */
export async function seedConsoleWorld(call: ApiCall, items = 300) {
  const partner = await expectStatus<{ id: string }>(
    call("POST", "/api/v1/partners", { json: { name: "Northwind Partners", slug: "northwind" } }),
    201,
    "partner",
  );
  for (const tenant of [
    { name: "Acme Supply", slug: "acme" },
    { name: "Beacon Tools", slug: "beacon" },
  ]) {
    await expectStatus(
      call("POST", "/api/v1/tenants", { json: { ...tenant, partner_id: partner.id } }),
      201,
      `tenant ${tenant.slug}`,
    );
  }
  for (const person of Object.values(PEOPLE)) {
    await expectStatus(
      call("POST", "/api/v1/users", { tenant: "acme", json: { ...person, roles: [...person.roles], password: PASSWORD } }),
      201,
      `user ${person.email}`,
    );
  }
  for (let offset = 0; offset < items; offset += 5000) {
    await expectStatus(
      call("POST", "/api/v1/records/items", { tenant: "acme", json: makeItems(Math.min(5000, items - offset), offset) }),
      200,
      "items",
    );
  }
  // ITM-00001 changes twice: a price rise, then discontinued.
  const first = makeItems(1)[0] as Record<string, unknown>;
  await expectStatus(
    call("POST", "/api/v1/records/items", { tenant: "acme", json: [{ ...first, list_price: 2.75 }] }),
    200,
    "v2",
  );
  await expectStatus(
    call("POST", "/api/v1/records/items", { tenant: "acme", json: [{ ...first, list_price: 2.75, status: "discontinued" }] }),
    200,
    "v3",
  );
  await expectStatus(
    call("POST", "/api/v1/records/customers", {
      tenant: "acme",
      json: [
        { source_system: "erp", external_id: "C-100", account_number: "C-100", name: "Baxter Fabrication", currency: "USD" },
      ],
    }),
    200,
    "customer",
  );
  await expectStatus(
    call("POST", "/api/v1/records/sales-orders", {
      tenant: "acme",
      json: [
        {
          source_system: "erp",
          external_id: "SO-1042",
          order_number: "SO-1042",
          customer_external_id: "C-100",
          status: "open",
          order_date: "2026-11-30",
          currency: "USD",
          total_amount: 137.5,
          lines: [
            { line_number: 1, item_external_id: "I-00001", quantity: 10, uom: "EA", unit_price: 2.75, extended_price: 27.5 },
            { line_number: 2, item_external_id: "I-00002", quantity: 20, uom: "EA", unit_price: 5.5, extended_price: 110 },
          ],
        },
      ],
    }),
    200,
    "sales order",
  );
  return { partnerId: partner.id };
}
