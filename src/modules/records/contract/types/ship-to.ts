import { defineRecord } from "../define-record.ts";
import { enumeration, ref, text } from "../fields.ts";
import { addressFields } from "./address.ts";

export const shipToRecord = defineRecord({
  name: "ship_to",
  plural: "ship_tos",
  prefix: "shp2",
  title: "Ship-to site",
  description: "A delivery address of a customer: a job site, branch or dock.",
  fields: {
    customer_external_id: ref("customer", { required: true, filter: true }),
    code: text({ max: 32, filter: true, sort: true, search: true }),
    name: text({ required: true, max: 200, sort: true, search: true }),
    status: enumeration(["active", "inactive"], { filter: true }),
    ...addressFields,
    contact_name: text({ max: 200 }),
    phone: text({ max: 40 }),
    email: text({ max: 320 }),
    delivery_instructions: text({ max: 2000 }),
    carrier: text({ max: 100 }),
    shipping_method: text({ max: 100 }),
    default_location_external_id: ref("location", { filter: true }),
  },
});
