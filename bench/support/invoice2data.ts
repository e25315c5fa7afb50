import { existsSync, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { extractHeader, extractLines, extractParties, readAmount, type TextReader } from "../../src/modules/documents/index.ts";

/**
 * invoice2data's real invoices (../shared/datasets/documents/invoice2data/compare) against their
 * expected JSON, as the issue counts them: every top-level key of the 10 text PDFs' expectations,
 * `lines` counting as one field (right when every expected line's values are read), 146 in all.
 * invoice2data reproduces them with one hand-written template per issuer; Crossdock has none.
 * Keys Crossdock does not read yet (the issuer, addresses, IBAN, VAT numbers, a template's own
 * `desc`) count as missed.
 */
const OURS: Record<string, string> = {
  invoice_number: "invoice_number",
  date: "invoice_date",
  date_due: "due_date",
  amount: "total",
  amount_untaxed: "subtotal",
  amount_tax: "tax",
  issuer: "supplier_name",
  partner_name: "supplier_name",
};
const LINE_FIELDS: Record<string, string> = {
  name: "description",
  qty: "quantity",
  price_unit: "unit_price",
  price_subtotal: "amount",
};

type Expected = Record<string, unknown> & { lines?: Record<string, unknown>[] };

const same = (ours: string | undefined, theirs: unknown) =>
  ours !== undefined && (typeof theirs === "number" ? Number(ours) === theirs : String(theirs).trim() === ours.trim());

export type Invoice2dataScore = { fields: number; right: number; byKey: Record<string, { right: number; of: number }> };

export async function scoreInvoice2data(documents: string, reader: TextReader): Promise<Invoice2dataScore | null> {
  const folder = path.join(documents, "invoice2data", "compare");
  if (!existsSync(folder)) return null;
  const score: Invoice2dataScore = { fields: 0, right: 0, byKey: {} };
  for (const name of readdirSync(folder).filter((file) => file.endsWith(".json"))) {
    const pdf = path.join(folder, name.replace(/\.json$/, ".pdf"));
    // saeco.pdf has no usable text layer and Orlen is a text file: the issue counts the 10 text PDFs.
    if (!existsSync(pdf) || name === "saeco.json") continue;
    const [expected] = JSON.parse(await readFile(path.join(folder, name), "utf8")) as Expected[];
    if (!expected) continue;
    const text = await reader.read(await readFile(pdf));
    const header = { ...extractParties("invoice", text.pages), ...extractHeader("invoice", text.pages) };
    const lines = extractLines("invoice", text.pages);
    const total = header.total;
    for (const [key, value] of Object.entries(expected)) {
      let right = false;
      if (key === "lines") {
        const wanted = (value as Record<string, unknown>[]).filter((line) =>
          Object.keys(line).some((field) => field in LINE_FIELDS),
        );
        right =
          wanted.length > 0 &&
          wanted.every((line) =>
            lines.some((ours) =>
              Object.entries(line)
                .filter(([field]) => field in LINE_FIELDS)
                .every(([field, theirs]) => same(ours.fields[LINE_FIELDS[field] as string]?.value, theirs)),
            ),
          );
      } else if (key === "currency") {
        right = total !== undefined && readAmount(total.printed)?.currency === value;
      } else if (OURS[key]) {
        right = same(header[OURS[key] as string]?.value, value);
      }
      score.fields += 1;
      score.right += right ? 1 : 0;
      const entry = score.byKey[key] ?? { right: 0, of: 0 };
      entry.of += 1;
      entry.right += right ? 1 : 0;
      score.byKey[key] = entry;
    }
  }
  return score;
}
