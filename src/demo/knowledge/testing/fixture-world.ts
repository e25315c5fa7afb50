import type { RecordInput } from "../../../modules/records/index.ts";
import type { DemoRecords, DemoWorld } from "../../world.ts";

/**
 * A small hand-made world for the knowledge documents' tests: five customers (two key accounts,
 * one on credit hold), four suppliers, fifteen items in five categories, price agreements with an
 * expired line, a ship-to price, a supplier-supported price and a four-decimal price.
 */
export function fixtureWorld(seed = 1): DemoWorld {
  return {
    seed,
    scale: "small",
    company: {
      name: "Lakeview Industrial Supply",
      legalName: "Lakeview Industrial Supply Co.",
      address: { line1: "800 Dock Street", city: "Toledo", region: "OH", postalCode: "43604", country: "US" },
      phone: "+1 419 555 0100",
      email: "orders@lakeview-industrial.example",
      website: "https://lakeview-industrial.example",
      ediId: "LAKEVIEWIND",
      currency: "USD",
    },
    start: "2024-11-01",
    end: "2026-10-31",
    records: {
      ...EMPTY,
      location: LOCATIONS,
      supplier: SUPPLIERS,
      item: ITEMS,
      customer: CUSTOMERS,
      ship_to: SHIP_TOS,
      price_list: PRICE_LISTS,
      price_agreement: AGREEMENTS,
      item_xref: XREFS,
    },
    truth: {
      demand: [],
      lateShipments: [],
      deterioratingCustomers: [
        { customerExternalId: "CUST-103", since: "2026-05-01", signs: ["orders down 40%", "paying 25 days late"] },
      ],
      keyAccounts: ["CUST-101", "CUST-102"],
      invoiceErrors: [],
      supersededItems: [{ itemExternalId: "ITEM-SAF-1003", replacedByExternalId: "ITEM-SAF-1003-N", since: "2025-09-01" }],
    },
  };
}

const EMPTY: DemoRecords = {
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

const LOCATIONS: RecordInput<"location">[] = [
  {
    source_system: "erp",
    external_id: "DC-TOL",
    code: "DC-TOL",
    name: "Toledo distribution center",
    kind: "warehouse",
    city: "Toledo",
    region: "OH",
    country: "US",
    is_fulfillment: true,
  },
  {
    source_system: "erp",
    external_id: "DC-IND",
    code: "DC-IND",
    name: "Indianapolis branch",
    kind: "branch",
    city: "Indianapolis",
    region: "IN",
    country: "US",
    is_fulfillment: true,
  },
];

const SUPPLIERS: RecordInput<"supplier">[] = [
  supplier("SUP-201", "Sentry Gloves Inc.", {
    lead_time_days: 7,
    lead_time_spread_days: "1.5",
    payment_terms: "Net 30",
    incoterms: "FOB Origin",
    minimum_order_amount: "500.00",
    buyer: "Grace Turner",
  }),
  supplier("SUP-202", "Torque Fastener Corp.", {
    lead_time_days: 14,
    lead_time_spread_days: "3.0",
    payment_terms: "2% 10 Net 30",
    incoterms: "FOB Destination",
    minimum_order_quantity: "20",
    order_multiple: "10",
    minimum_order_amount: "250.00",
    buyer: "Hiro Patel",
  }),
  supplier("SUP-203", "Omega Chemical LLC", {
    lead_time_days: 21,
    lead_time_spread_days: "6.5",
    payment_terms: "Net 45",
    incoterms: "Prepaid & Add",
    minimum_order_amount: "0.00",
    buyer: "Grace Turner",
  }),
  supplier("SUP-204", "Hydra Fluid Power Co.", {
    lead_time_days: 10,
    lead_time_spread_days: "2.0",
    payment_terms: "Net 60",
    incoterms: "FOB Origin",
    buyer: "Luis Walsh",
  }),
];

function supplier(externalId: string, name: string, fields: Partial<RecordInput<"supplier">>): RecordInput<"supplier"> {
  return {
    source_system: "erp",
    external_id: externalId,
    code: externalId,
    name,
    status: "active",
    currency: "USD",
    country: "US",
    city: "Chicago",
    ...fields,
  };
}

type ItemSpec = [
  sku: string,
  name: string,
  category: string,
  supplier: string,
  base: string,
  pack: [string, number] | null,
  cost: string,
  list: string,
  hazardous?: boolean,
];

const ITEM_SPECS: ItemSpec[] = [
  ["SAF-1001", "Nitrile disposable gloves 6 mil, blue, size M", "safety", "SUP-201", "EA", ["CS", 10], "5.4000", "8.3500"],
  ["SAF-1002", "Nitrile disposable gloves 6 mil, blue, size L", "safety", "SUP-201", "EA", ["CS", 10], "5.4000", "8.3500"],
  ["SAF-1003", "Cut-resistant gloves ANSI A4, PU palm, size L", "safety", "SUP-201", "EA", ["DZ", 12], "3.1000", "4.9000"],
  [
    "SAF-1003-N",
    "Cut-resistant gloves ANSI A4, PU palm, size L (new design)",
    "safety",
    "SUP-201",
    "EA",
    ["DZ", 12],
    "3.2000",
    "5.0500",
  ],
  ["SAF-1004", "Safety glasses clear anti-fog lens, ANSI Z87.1+", "safety", "SUP-201", "EA", null, "2.4000", "3.9900"],
  ["FAS-2001", "Hex cap screw 3/8-16 x 1-1/2, grade 5, zinc", "fasteners", "SUP-202", "EA", ["BX", 100], "0.0900", "0.1425"],
  ["FAS-2002", "Nylon insert lock nut 3/8-16, zinc", "fasteners", "SUP-202", "EA", ["BX", 100], "0.0600", "0.0950"],
  ["FAS-2003", "Wedge anchor 1/2 x 4-1/4, zinc", "fasteners", "SUP-202", "EA", ["BX", 25], "1.1200", "1.7800"],
  ["JAN-3001", "Citrus degreaser concentrate, 1 gal", "janitorial", "SUP-203", "EA", ["CS", 4], "4.5000", "7.2500", true],
  ["JAN-3002", "Can liner 45 gal, 1.5 mil, black", "janitorial", "SUP-203", "EA", ["CS", 1], "34.0000", "52.0000"],
  ["JAN-3003", "Hand soap foaming 1000 mL refill", "janitorial", "SUP-203", "EA", ["CS", 6], "8.0000", "12.6000"],
  ["FLP-4001", "Hydraulic hose 3/8 in ID, SAE 100R2", "fluid power", "SUP-204", "FT", null, "3.1000", "4.8000"],
  ["FLP-4002", "Hydraulic oil AW 46, 5 gal pail", "fluid power", "SUP-204", "EA", null, "72.0000", "109.0000", true],
  ["FLP-4003", "Quick coupler 1/2 in ISO A female", "fluid power", "SUP-204", "EA", null, "18.0000", "27.5000"],
  ["ELE-5001", "THHN wire 12 AWG black, 500 ft reel", "electrical", "SUP-204", "RL", null, "85.0000", "129.0000"],
];

const ITEMS: RecordInput<"item">[] = ITEM_SPECS.map(([sku, name, category, supplierId, base, pack, cost, list, hazardous]) => ({
  source_system: "erp",
  external_id: `ITEM-${sku}`,
  sku,
  name,
  status: sku === "SAF-1003" ? "discontinued" : "active",
  base_uom: base,
  category,
  brand: `Brand ${supplierId.slice(4)}`,
  manufacturer_part_number: `${sku.slice(0, 3)}${sku.slice(4)}77`,
  preferred_supplier_external_id: supplierId,
  currency: "USD",
  standard_cost: cost,
  list_price: list,
  is_stocked: true,
  is_hazardous: hazardous ?? false,
  uom_conversions: [
    { uom: base, quantity_in_base: "1", is_sales_default: pack === null },
    ...(pack ? [{ uom: pack[0], quantity_in_base: String(pack[1]), is_sales_default: true, is_purchase_default: true }] : []),
  ],
}));

const CUSTOMERS: RecordInput<"customer">[] = [
  customer("CUST-101", "Acme Fabrication Inc.", {
    customer_class: "key account",
    credit_limit: "150000.00",
    payment_terms: "Net 45",
    sales_rep: "Maya Chen",
    city: "Toledo",
    region: "OH",
  }),
  customer("CUST-102", "Granite Mechanical LLC", {
    customer_class: "key account",
    credit_limit: "80000.00",
    payment_terms: "2% 10 Net 30",
    sales_rep: "Sam Okafor",
    city: "Fort Wayne",
    region: "IN",
  }),
  customer("CUST-103", "Riverbend Plastics Co.", {
    customer_class: "manufacturer",
    credit_limit: "25000.00",
    payment_terms: "Net 30",
    sales_rep: "Maya Chen",
    city: "Akron",
    region: "OH",
  }),
  customer("CUST-104", "Summit Facilities Services", {
    customer_class: "institutional",
    credit_limit: "10000.00",
    payment_terms: "Net 30",
    sales_rep: "Sam Okafor",
    city: "Indianapolis",
    region: "IN",
    price_list_external_id: "PL-CONTR",
  }),
  customer("CUST-105", "Pioneer Welding Corp.", {
    status: "credit_hold",
    customer_class: "contractor",
    credit_limit: "5000.00",
    payment_terms: "Net 30",
    sales_rep: "Maya Chen",
    city: "Toledo",
    region: "OH",
  }),
];

function customer(externalId: string, name: string, fields: Partial<RecordInput<"customer">>): RecordInput<"customer"> {
  return {
    source_system: "erp",
    external_id: externalId,
    account_number: externalId.slice(5),
    name,
    status: "active",
    currency: "USD",
    country: "US",
    customer_since: "2019-04-15",
    ...fields,
  };
}

const SHIP_TOS: RecordInput<"ship_to">[] = [
  shipTo("CUST-101", "MAIN", "Acme Fabrication Inc. — main plant", "Toledo", "OH", "Ben Alvarez"),
  shipTo("CUST-101", "ST2", "Acme Fabrication Inc. — Detroit site", "Detroit", "MI", "Uma Nguyen"),
  shipTo("CUST-102", "MAIN", "Granite Mechanical LLC — main plant", "Fort Wayne", "IN", "Kate Brooks"),
  shipTo("CUST-103", "MAIN", "Riverbend Plastics Co. — main plant", "Akron", "OH", "Jorge Miller"),
  shipTo("CUST-104", "MAIN", "Summit Facilities Services — main plant", "Indianapolis", "IN", "Rosa Ito"),
  shipTo("CUST-105", "MAIN", "Pioneer Welding Corp. — main plant", "Toledo", "OH", "Frank Evans"),
];

function shipTo(
  customerId: string,
  code: string,
  name: string,
  city: string,
  region: string,
  contact: string,
): RecordInput<"ship_to"> {
  return {
    source_system: "erp",
    external_id: `${customerId}-${code}`,
    customer_external_id: customerId,
    code,
    name,
    status: "active",
    city,
    region,
    country: "US",
    contact_name: contact,
  };
}

const PRICE_LISTS: RecordInput<"price_list">[] = [
  {
    source_system: "erp",
    external_id: "PL-LIST",
    code: "LIST",
    name: "List prices",
    status: "active",
    currency: "USD",
    valid_from: "2024-01-01",
    priority: 100,
    lines: [],
  },
  {
    source_system: "erp",
    external_id: "PL-CONTR",
    code: "CONTR",
    name: "Contractor column",
    status: "active",
    currency: "USD",
    valid_from: "2025-01-01",
    priority: 50,
    lines: [],
  },
];

type AgreementSpec = [
  number: string,
  customer: string,
  sku: string,
  uom: string,
  price: string,
  from: string,
  to: string,
  extra?: Partial<RecordInput<"price_agreement">>,
];

const AGREEMENT_SPECS: AgreementSpec[] = [
  ["CPA-5001", "CUST-101", "SAF-1001", "CS", "71.5000", "2024-03-01", "2027-02-28"],
  ["CPA-5001", "CUST-101", "SAF-1002", "CS", "71.5000", "2024-03-01", "2027-02-28"],
  ["CPA-5001", "CUST-101", "FAS-2001", "BX", "11.8250", "2024-03-01", "2027-02-28", { min_quantity: "5" }],
  ["CPA-5001", "CUST-101", "JAN-3001", "CS", "24.9000", "2024-03-01", "2025-06-30", { status: "expired" }],
  [
    "CPA-5001",
    "CUST-101",
    "FLP-4002",
    "EA",
    "96.4000",
    "2024-09-01",
    "2027-02-28",
    { ship_to_external_id: "CUST-101-ST2", rebate_supplier_external_id: "SUP-204" },
  ],
  ["CPA-5002", "CUST-102", "FAS-2003", "BX", "39.2500", "2025-01-15", "2027-07-31"],
  ["CPA-5002", "CUST-102", "FLP-4001", "FT", "4.1000", "2025-01-15", "2027-07-31", { max_quantity: "5000" }],
  ["CPA-5002", "CUST-102", "ELE-5001", "RL", "112.0000", "2025-01-15", "2027-07-31"],
  ["CPA-5003", "CUST-103", "JAN-3002", "CS", "46.0000", "2025-05-01", "2027-04-30"],
  ["CPA-5003", "CUST-103", "JAN-3003", "CS", "66.5000", "2025-05-01", "2027-04-30"],
];

const AGREEMENTS: RecordInput<"price_agreement">[] = AGREEMENT_SPECS.map(
  ([number, customerId, sku, uom, price, from, to, extra], index) => ({
    source_system: "erp",
    external_id: `${number}-${index + 1}`,
    agreement_number: number,
    customer_external_id: customerId,
    item_external_id: `ITEM-${sku}`,
    uom,
    currency: "USD",
    contract_price: price,
    valid_from: from,
    valid_to: to,
    status: "active",
    ...extra,
  }),
);

const XREFS: RecordInput<"item_xref">[] = [
  ...ITEM_SPECS.map(
    ([sku, , , supplierId]): RecordInput<"item_xref"> => ({
      source_system: "erp",
      external_id: `XS-${sku}`,
      item_external_id: `ITEM-${sku}`,
      kind: "supplier",
      supplier_external_id: supplierId,
      part_number: `${supplierId.slice(4)}-${sku.replace("-", "")}`,
      status: "active",
    }),
  ),
  {
    source_system: "erp",
    external_id: "XC-101-1",
    item_external_id: "ITEM-SAF-1001",
    kind: "customer",
    customer_external_id: "CUST-101",
    part_number: "AF-20931",
    status: "active",
  },
  {
    source_system: "erp",
    external_id: "XC-101-2",
    item_external_id: "ITEM-FAS-2001",
    kind: "customer",
    customer_external_id: "CUST-101",
    part_number: "AF-44107",
    status: "active",
  },
];
