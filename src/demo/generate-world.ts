import { Random } from "./random.ts";
import { addDays, daysFrom } from "./world/calendar.ts";
import { generateCatalog } from "./world/catalog.ts";
import { DEMO_COMPANY } from "./world/company.ts";
import { demandProfiles } from "./world/demand.ts";
import { buildInventory } from "./world/inventory.ts";
import { runOperations } from "./world/operations.ts";
import { generateCustomers, generateSuppliers, LOCATION_IDS, LOCATIONS } from "./world/parties.ts";
import { generatePricing } from "./world/pricing.ts";
import { buildPurchasing } from "./world/purchasing.ts";
import { buildSales } from "./world/sales.ts";
import { HISTORY_DAYS, HISTORY_END, SCALES } from "./world/scale.ts";
import { buildServiceCases } from "./world/service.ts";
import type { DemoScale, DemoWorld } from "./world.ts";

/**
 * The demo distributor, Harbor Industrial Supply: two years of an industrial / MRO supplies
 * business, built from the seed alone. Master data first, then a day-by-day run of demand,
 * sales, stock and replenishment, then the records each system of record would hold, and the
 * ground truth beside them.
 */
export function generateWorld(options: { scale: DemoScale; seed: number }): DemoWorld {
  const size = SCALES[options.scale];
  const random = new Random(options.seed);
  const start = addDays(HISTORY_END, -(HISTORY_DAYS - 1));
  const days = daysFrom(start, HISTORY_END);

  const suppliers = generateSuppliers(random.fork("suppliers"), size.suppliers);
  const suppliersByCategory = new Map<string, string[]>();
  for (const supplier of suppliers) {
    suppliersByCategory.set(supplier.category, [...(suppliersByCategory.get(supplier.category) ?? []), supplier.externalId]);
  }
  const items = generateCatalog(random.fork("catalog"), size.items, suppliersByCategory, start, HISTORY_END);
  const customers = generateCustomers(random.fork("customers"), size.customers, start, HISTORY_END);
  const pricing = generatePricing(random.fork("pricing"), items, customers, start, HISTORY_END);

  const profiles = demandProfiles(random.fork("demand"), items, LOCATION_IDS, days, size.linesPerDay);
  const supplierMap = new Map(suppliers.map((supplier) => [supplier.externalId, supplier]));
  const operations = runOperations(random.fork("operations"), days, profiles, supplierMap, customers);

  const itemMap = new Map(items.map((item) => [item.externalId, item]));
  const customerMap = new Map(customers.map((customer) => [customer.externalId, customer]));
  const sales = buildSales(random.fork("sales"), days, operations.sales, itemMap, customerMap, pricing);
  const purchasing = buildPurchasing(random.fork("purchasing"), days, operations.orders, itemMap, supplierMap);
  const inventory = buildInventory(start, HISTORY_END, operations.endStates, sales.allocated, purchasing.inTransit);
  const cases = buildServiceCases(random.fork("service"), HISTORY_END, sales.orders, customerMap);

  return {
    seed: options.seed,
    scale: options.scale,
    company: DEMO_COMPANY,
    start,
    end: HISTORY_END,
    records: {
      location: LOCATIONS,
      supplier: suppliers.map((supplier) => supplier.record),
      item: items.map((item) => item.record),
      customer: customers.map((customer) => customer.record),
      ship_to: customers.flatMap((customer) => customer.shipTos),
      item_xref: pricing.xrefs,
      price_list: pricing.priceLists,
      price_agreement: pricing.agreements,
      sales_order: sales.orders,
      purchase_order: purchasing.purchaseOrders,
      receipt: purchasing.receipts,
      shipment: [...purchasing.shipments, ...sales.shipments],
      invoice: [...sales.invoices, ...purchasing.invoices],
      inventory_movement: [...inventory.openings, ...purchasing.movements, ...sales.movements],
      inventory_balance: inventory.balances,
      service_case: cases,
    },
    truth: {
      demand: operations.series,
      lateShipments: purchasing.lateShipments,
      deterioratingCustomers: customers
        .filter((customer) => customer.deterioratingSince)
        .map((customer) => ({
          customerExternalId: customer.externalId,
          since: customer.deterioratingSince as string,
          signs: ["orders less often and smaller", "pays invoices weeks late", "opens more service cases"],
        })),
      keyAccounts: customers.filter((customer) => customer.keyAccount).map((customer) => customer.externalId),
      invoiceErrors: purchasing.invoiceErrors,
      supersededItems: items
        .filter((item) => item.replaces)
        .map((item) => ({
          itemExternalId: item.replaces as string,
          replacedByExternalId: item.externalId,
          since: itemMap.get(item.replaces as string)?.discontinuedOn as string,
        })),
    },
  };
}
