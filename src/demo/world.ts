import type { RecordInput, RecordTypeName } from "../modules/records/index.ts";

/** How big a business to generate. `small` is for tests; `medium` is the default (`npm run demo`). */
export type DemoScale = "small" | "medium" | "large";

/** The distributor itself: who the documents are addressed to and sent from. */
export type DemoCompany = {
  name: string;
  legalName: string;
  address: { line1: string; city: string; region: string; postalCode: string; country: string };
  phone: string;
  email: string;
  website: string;
  /** The company's X12 interchange id, as trading partners address it. */
  ediId: string;
  currency: "USD";
};

/** Every canonical record of the business, as a source system would send it (the records API's input). */
export type DemoRecords = { [T in RecordTypeName]: RecordInput<T>[] };

/**
 * Two years of one item at one warehouse, day by day from the world's `start` (index 0): what
 * customers wanted (`demand`) and what could be sold (`sold`: less on stockout days, which censor
 * demand), in the item's base unit; the days (indexes) of promotions and of stockouts.
 */
export type DemandSeries = {
  itemExternalId: string;
  locationExternalId: string;
  pattern: DemandPattern;
  demand: number[];
  sold: number[];
  promotedDays: number[];
  stockoutDays: number[];
};

/** What really happened, kept beside the records so later capabilities can be measured against it. */
export type DemoTruth = {
  /** True (uncensored) daily demand per item × warehouse, in the item's base unit, for forecast evaluation. */
  demand: DemandSeries[];
  /** Inbound shipments that arrive (or will arrive) after the promised date. */
  lateShipments: { shipmentExternalId: string; promisedAt: string; trueArrivalAt: string; delayDays: number; reason: string }[];
  /** Customers whose business with the distributor is deteriorating, from when, and how it shows. */
  deterioratingCustomers: { customerExternalId: string; since: string; signs: string[] }[];
  keyAccounts: string[];
  /** Invoices that carry an error an AP clerk should catch. */
  invoiceErrors: { invoiceExternalId: string; kind: InvoiceErrorKind; detail: string }[];
  supersededItems: { itemExternalId: string; replacedByExternalId: string; since: string }[];
};

export type DemandPattern = "smooth" | "erratic" | "intermittent" | "lumpy";
export type InvoiceErrorKind = "price_above_agreement" | "quantity_above_received" | "duplicate_number" | "wrong_total";

export type DemoWorld = {
  seed: number;
  scale: DemoScale;
  company: DemoCompany;
  /** The first and last day of the two years of history, `YYYY-MM-DD`. */
  start: string;
  end: string;
  records: DemoRecords;
  truth: DemoTruth;
};

/** A generated file: documents, EDI interchanges, knowledge documents and their ground truth. */
export type DemoFile = { path: string; content: Buffer | string };
