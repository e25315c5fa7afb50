import { text } from "../fields.ts";

/** A postal address, as customers, ship-tos, suppliers and locations carry it. */
export const addressFields = {
  address_line1: text({ max: 200 }),
  address_line2: text({ max: 200 }),
  city: text({ max: 100, filter: true }),
  region: text({ max: 100, filter: true, description: "State, province or county." }),
  postal_code: text({ max: 20, filter: true }),
  country: text({
    max: 2,
    filter: true,
    pattern: /^[A-Z]{2}$/,
    patternMessage: 'must be an ISO 3166-1 alpha-2 code in capitals, e.g. "US"',
  }),
};
