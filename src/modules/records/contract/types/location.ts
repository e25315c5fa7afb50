import { defineRecord } from "../define-record.ts";
import { boolean, enumeration, text } from "../fields.ts";
import { addressFields } from "./address.ts";

export const locationRecord = defineRecord({
  name: "location",
  plural: "locations",
  prefix: "loc",
  title: "Location",
  description: "A warehouse, branch or other place stock is held or shipped from.",
  fields: {
    code: text({ required: true, max: 32, filter: true, sort: true, search: true }),
    name: text({ required: true, max: 200, sort: true, search: true }),
    kind: enumeration(["warehouse", "branch", "store", "distribution_center", "virtual", "in_transit", "other"], {
      filter: true,
    }),
    status: enumeration(["active", "inactive"], { filter: true }),
    ...addressFields,
    timezone: text({ max: 64, description: "IANA time zone, e.g. America/Chicago." }),
    phone: text({ max: 40 }),
    email: text({ max: 320 }),
    is_fulfillment: boolean({ filter: true, description: "Ships to customers." }),
  },
});
