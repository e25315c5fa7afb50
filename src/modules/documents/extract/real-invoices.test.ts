import { existsSync, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTextReader, type TextReader } from "../text/read-text.ts";
import { extractHeader } from "./header-fields.ts";
import { extractParties } from "./parties.ts";

const COMPARE = path.resolve(import.meta.dirname, "../../../../../shared/datasets/documents/invoice2data/compare");
const present = existsSync(COMPARE);
if (!present) console.warn(`real-invoices.test.ts: ${COMPARE} is absent, so the real invoices' cases are skipped`);

/** invoice2data's keys that name what Crossdock reads (its `partner_…` is the supplier), and how each is compared. */
const FIELDS: Record<string, string> = {
  vat: "supplier_vat_number",
  gstin: "supplier_vat_number",
  iban: "supplier_iban",
  bic: "supplier_bic",
  siren: "supplier_company_number",
  partner_coc: "supplier_company_number",
  cin: "supplier_company_number",
  partner_street: "supplier_address_line1",
  partner_zip: "supplier_postal_code",
  partner_city: "supplier_city",
  country_code: "supplier_country",
  partner_email: "supplier_email",
  payment_method: "payment_method",
  order_id: "order_number",
  incoterm: "incoterm",
  date_start: "service_start",
  date_end: "service_end",
};
const compact = (value: unknown) =>
  String(value)
    .replace(/[\s.-]+/g, "")
    .toUpperCase();

describe("the real invoices (invoice2data's, text PDFs)", () => {
  let reader: TextReader;
  beforeAll(() => {
    reader = createTextReader({ engines: { pdf: "pdfjs", ocr: "tesseract.js" } });
  });
  afterAll(() => reader?.close());

  it.skipIf(!present)(
    `reads the supplier's identifiers, address and the invoice's references as invoice2data expects, none wrong${present ? "" : ` (skipped: ${COMPARE} is absent)`}`,
    async () => {
      let right = 0;
      let of = 0;
      const wrong: string[] = [];
      for (const name of readdirSync(COMPARE).filter((file) => file.endsWith(".json"))) {
        const pdf = path.join(COMPARE, name.replace(/\.json$/, ".pdf"));
        // saeco's PDF has no text layer worth reading (the bench leaves it out too).
        if (!existsSync(pdf) || name === "saeco.json") continue;
        const [expected] = JSON.parse(await readFile(path.join(COMPARE, name), "utf8")) as Record<string, unknown>[];
        const { pages } = await reader.read(await readFile(pdf));
        const read = { ...extractParties("invoice", pages), ...extractHeader("invoice", pages) };
        for (const [key, field] of Object.entries(FIELDS)) {
          if (expected?.[key] === undefined) continue;
          of += 1;
          const value = read[field]?.value;
          if (value === undefined) continue;
          if (compact(value) === compact(expected[key])) right += 1;
          else wrong.push(`${name} ${key}: read ${value}, expected ${expected[key]}`);
        }
      }
      expect(wrong).toEqual([]);
      // What invoice2data's templates set without its being printed (AzureInterior's "bic", "666") is missed.
      expect(right / of).toBeGreaterThan(0.85);
    },
  );
});
