import type { DemoCompany } from "../world.ts";

/** The demo distributor. */
export const DEMO_COMPANY: DemoCompany = {
  name: "Harbor Industrial Supply",
  legalName: "Harbor Industrial Supply Co.",
  address: { line1: "4100 Lakeside Commerce Pkwy", city: "Cleveland", region: "OH", postalCode: "44114", country: "US" },
  phone: "+1 216 555 0140",
  email: "orders@harbor-industrial.example",
  website: "https://harbor-industrial.example",
  ediId: "HARBORIND",
  currency: "USD",
};
