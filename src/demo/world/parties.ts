import type { RecordInput } from "../../modules/records/index.ts";
import type { Random } from "../random.ts";
import { addDays } from "./calendar.ts";
import { CATEGORY_NAMES } from "./catalog.ts";
import { cents } from "./money.ts";
import { customerName, emailAt, personName, phone, REGIONS, supplierName } from "./names.ts";

export const LOCATIONS: RecordInput<"location">[] = [
  ["DC-CLE", "Cleveland distribution center", "4100 Lakeside Commerce Pkwy", "Cleveland", "OH", "44114", "America/New_York"],
  ["DC-ATL", "Atlanta distribution center", "2250 Fulton Industrial Blvd", "Atlanta", "GA", "30336", "America/New_York"],
  ["DC-DAL", "Dallas distribution center", "9800 Westmoreland Rd", "Dallas", "TX", "75237", "America/Chicago"],
].map(([code, name, line1, city, region, postal, timezone]) => ({
  source_system: "erp",
  external_id: code as string,
  code: code as string,
  name: name as string,
  kind: "warehouse",
  status: "active",
  address_line1: line1 as string,
  city: city as string,
  region: region as string,
  postal_code: postal as string,
  country: "US",
  timezone,
  is_fulfillment: true,
}));

export const LOCATION_IDS = LOCATIONS.map((location) => location.external_id);

/** A supplier, with the lead-time behaviour the simulation draws from. */
export type DemoSupplier = {
  record: RecordInput<"supplier">;
  externalId: string;
  category: string;
  leadTimeDays: number;
  /** Spread of the lead time, in days (standard deviation). */
  spreadDays: number;
  /** Unreliable suppliers sometimes run very late. */
  unreliable: boolean;
  /** The weekday (1 = Monday) the buyers send this supplier its purchase orders. */
  orderWeekday: number;
  /** Per line, in the ordered (sales) unit: the smallest quantity, and the multiple it comes in. */
  minimumLineQuantity: number;
  orderMultiple: number;
};

export function generateSuppliers(random: Random, count: number): DemoSupplier[] {
  const taken = new Set<string>();
  return Array.from({ length: count }, (_, n) => {
    const category = CATEGORY_NAMES[n % CATEGORY_NAMES.length] as string;
    const name = supplierName(random, category, taken);
    const externalId = `SUP-${String(2001 + n)}`;
    const leadTimeDays = random.weighted([3, 5, 7, 10, 14, 21, 35], [1, 3, 4, 3, 2, 1, 1]);
    const unreliable = random.chance(0.2);
    const orderMultiple = random.weighted([1, 2, 5, 10], [6, 2, 2, 1]);
    const minimumLineQuantity = orderMultiple * random.weighted([1, 2, 3], [5, 2, 1]);
    const spreadDays = Math.max(0.5, leadTimeDays * (unreliable ? random.next() * 0.3 + 0.35 : random.next() * 0.12 + 0.08));
    return {
      externalId,
      category,
      leadTimeDays,
      spreadDays,
      unreliable,
      orderWeekday: 1 + (n % 5),
      minimumLineQuantity,
      orderMultiple,
      record: {
        source_system: "erp",
        external_id: externalId,
        code: externalId,
        name,
        status: "active",
        email: emailAt("orders", name),
        phone: phone(random, String(random.int(200, 989))),
        currency: "USD",
        payment_terms: random.weighted(["Net 30", "Net 45", "2% 10 Net 30", "Net 60"], [5, 2, 2, 1]),
        incoterms: random.weighted(["FOB Origin", "FOB Destination", "Prepaid & Add"], [2, 2, 1]),
        lead_time_days: leadTimeDays,
        lead_time_spread_days: spreadDays.toFixed(1),
        minimum_order_quantity: String(minimumLineQuantity),
        order_multiple: String(orderMultiple),
        minimum_order_amount: cents(random.weighted([0, 250, 500, 1000], [2, 3, 2, 1])),
        buyer: personName(random),
        address_line1: `${random.int(100, 9999)} Industrial Way`,
        city: random.pick(["Chicago", "Milwaukee", "Indianapolis", "St. Louis", "Charlotte", "Houston", "Newark"]),
        country: "US",
        attributes: { category },
      },
    };
  });
}

/** A customer, with how much it buys and how that changes. */
export type DemoCustomer = {
  record: RecordInput<"customer">;
  externalId: string;
  locationExternalId: string;
  shipTos: RecordInput<"ship_to">[];
  /** Relative size of its purchases. */
  weight: number;
  keyAccount: boolean;
  /** From this date it orders less, pays later and complains more. */
  deterioratingSince: string | undefined;
  paymentDays: number;
  /** How it sends its orders: large accounts by EDI, others by e-mail (PDF), web, phone or fax. */
  orderChannel: "edi" | "email" | "web" | "phone" | "fax";
};

export function generateCustomers(random: Random, count: number, historyStart: string, historyEnd: string): DemoCustomer[] {
  const taken = new Set<string>();
  const customers = Array.from({ length: count }, (_, n): DemoCustomer => {
    const locationExternalId = LOCATION_IDS[n % LOCATION_IDS.length] as string;
    const [city, region, zip] = random.pick(REGIONS[locationExternalId] ?? []);
    const name = customerName(random, taken);
    const externalId = `CUST-${String(10_001 + n)}`;
    const terms = random.weighted(["Net 30", "Net 45", "Net 60", "2% 10 Net 30"], [6, 2, 1, 2]);
    const paymentDays = terms === "Net 45" ? 45 : terms === "Net 60" ? 60 : 30;
    const weight = random.logNormal(1, 0.9);
    const shipToCount = random.weighted([1, 2, 3, 4], [6, 3, 1, 0.5]);
    const shipTos = Array.from({ length: shipToCount }, (_, s): RecordInput<"ship_to"> => {
      const [shipCity, shipRegion, shipZip] = s === 0 ? [city, region, zip] : random.pick(REGIONS[locationExternalId] ?? []);
      return {
        source_system: "erp",
        external_id: `${externalId}-ST${s + 1}`,
        customer_external_id: externalId,
        code: s === 0 ? "MAIN" : `ST${s + 1}`,
        name: s === 0 ? `${name} — main plant` : `${name} — ${shipCity} site`,
        status: "active",
        address_line1: `${random.int(100, 9999)} ${random.pick(["Commerce", "Industrial", "Harbor", "Mill", "Factory", "Enterprise"])} ${random.pick(["Dr", "Rd", "Ave", "Blvd", "Pkwy"])}`,
        city: shipCity,
        region: shipRegion,
        postal_code: `${shipZip}${String(random.int(10, 99))}`,
        country: "US",
        contact_name: personName(random),
        phone: phone(random, String(random.int(200, 989))),
        delivery_instructions: random.chance(0.3)
          ? random.pick(["Dock 4, 7am–3pm", "Call 30 min before arrival", "Liftgate required", "Deliver to maintenance crib"])
          : undefined,
        default_location_external_id: locationExternalId,
      };
    });
    return {
      externalId,
      locationExternalId,
      shipTos,
      weight,
      keyAccount: false,
      deterioratingSince: undefined,
      paymentDays,
      orderChannel: random.weighted(["edi", "email", "web", "phone", "fax"] as const, [weight > 2 ? 4 : 1, 5, 2, 2, 1]),
      record: {
        source_system: "erp",
        external_id: externalId,
        account_number: externalId.replace("CUST-", ""),
        name,
        status: "active",
        customer_class: random.weighted(["contractor", "manufacturer", "MRO", "institutional", "reseller"], [3, 4, 3, 1, 1]),
        sales_rep: personName(random),
        territory: `${region}-${locationExternalId.slice(3)}`,
        email: emailAt("purchasing", name),
        phone: phone(random, String(random.int(200, 989))),
        currency: "USD",
        credit_limit: cents(Math.round((weight * 25_000) / 5_000 + 1) * 5_000),
        payment_terms: terms,
        tax_exempt: random.chance(0.25),
        default_location_external_id: locationExternalId,
        customer_since: addDays(historyStart, -random.int(90, 4_000)),
        address_line1: shipTos[0]?.address_line1,
        city,
        region,
        postal_code: shipTos[0]?.postal_code,
        country: "US",
        attributes: {},
      },
    };
  });
  // The largest 5% are key accounts; about 6% of the others start to deteriorate in the second year.
  const bySize = [...customers].sort((a, b) => b.weight - a.weight);
  for (const customer of bySize.slice(0, Math.max(2, Math.round(count * 0.05)))) {
    customer.keyAccount = true;
    customer.weight *= 2.5;
    customer.record.customer_class = "key account";
    customer.record.attributes = { key_account: true };
  }
  const others = bySize.filter((customer) => !customer.keyAccount && customer.weight > 0.6);
  for (const customer of random.sample(others, Math.max(2, Math.round(count * 0.06)))) {
    customer.deterioratingSince = addDays(historyEnd, -random.int(120, 300));
  }
  return customers;
}
