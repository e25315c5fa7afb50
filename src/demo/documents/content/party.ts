import type { RecordInput } from "../../../modules/records/index.ts";
import type { DemoCompany } from "../../world.ts";

/** A name and address block as documents print it: a buyer, vendor, ship-to, shipper or consignee. */
export type Party = {
  name: string;
  /** The partner's own code for it: an account number, a ship-to code, a supplier code. */
  code: string | null;
  line1: string | null;
  line2: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
  phone: string | null;
};

type Addressed = {
  address_line1?: string | null;
  address_line2?: string | null;
  city?: string | null;
  region?: string | null;
  postal_code?: string | null;
  country?: string | null;
  phone?: string | null;
};

function fromAddressed(name: string, code: string | null, row: Addressed): Party {
  return {
    name,
    code,
    line1: row.address_line1 ?? null,
    line2: row.address_line2 ?? null,
    city: row.city ?? null,
    region: row.region ?? null,
    postalCode: row.postal_code ?? null,
    country: row.country ?? null,
    phone: row.phone ?? null,
  };
}

export function companyParty(company: DemoCompany): Party {
  const { address } = company;
  return {
    name: company.name,
    code: company.ediId,
    line1: address.line1,
    line2: null,
    city: address.city,
    region: address.region,
    postalCode: address.postalCode,
    country: address.country,
    phone: company.phone,
  };
}

export function customerParty(customer: RecordInput<"customer">): Party {
  return fromAddressed(customer.name, customer.account_number, customer);
}

export function shipToParty(shipTo: RecordInput<"ship_to">, customer: RecordInput<"customer">): Party {
  // A ship-to named like its customer's site ("Main plant") reads as the customer's name on paper.
  const name = shipTo.name.startsWith(customer.name) ? shipTo.name : `${customer.name} - ${shipTo.name}`;
  return fromAddressed(name, shipTo.code ?? null, shipTo);
}

export function supplierParty(supplier: RecordInput<"supplier">): Party {
  return fromAddressed(supplier.name, supplier.code, supplier);
}

/** One of the distributor's own warehouses, under the company's name. */
export function locationParty(location: RecordInput<"location">, company: DemoCompany): Party {
  const party = fromAddressed(`${company.name} - ${location.name}`, location.code, location);
  return party.line1 ? party : { ...companyParty(company), name: party.name, code: location.code };
}
