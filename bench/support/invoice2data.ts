import { existsSync, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import {
  type ExtractedLine,
  type ExtractedValue,
  extractHeader,
  extractLines,
  extractParties,
  type PageText,
  type TextReader,
} from "../../src/modules/documents/index.ts";

/**
 * invoice2data's real invoices (../shared/datasets/documents/invoice2data/compare) against their
 * expected JSON, as the issue counts them: every top-level key of the 10 text PDFs' expectations,
 * `lines` counting as one field (right when every expected line's values are read), 146 in all.
 * invoice2data reproduces them with one hand-written template per issuer; Crossdock has none.
 * Keys Crossdock does not read count as missed: a template's own `desc` ("Invoice from …"), free
 * `note`/`narration` text, values a template sets that the document does not print (AzureInterior's
 * `mandate_id` "111", `partner_street2`, …), and a template's own line structure (`line_items`).
 *
 * invoice2data's `partner_*` keys are the invoice's partner in Odoo's sense: for a supplier's
 * invoice, the supplier, whose name `issuer` also holds.
 */
const OURS: Record<string, string> = {
  invoice_number: "invoice_number",
  date: "invoice_date",
  date_due: "due_date",
  amount: "total",
  amount_untaxed: "subtotal",
  amount_tax: "tax",
  currency: "currency",
  issuer: "supplier_trade_name",
  partner_name: "supplier_name",
  partner_street: "supplier_address_line1",
  partner_city: "supplier_city",
  partner_zip: "supplier_postal_code",
  state_code: "supplier_region",
  country_code: "supplier_country",
  partner_email: "supplier_email",
  partner_website: "supplier_website",
  telephone: "supplier_phone",
  // India's GSTIN is its VAT (GST) registration number; SIREN, KvK and CIN are company registers' numbers.
  vat: "supplier_vat_number",
  gstin: "supplier_vat_number",
  iban: "supplier_iban",
  bic: "supplier_bic",
  siren: "supplier_company_number",
  partner_coc: "supplier_company_number",
  cin: "supplier_company_number",
  order_id: "order_number",
  // Free's "numéro de ligne": the subscriber's line, the contract the invoice bills.
  line_number: "contract_number",
  booking_id: "order_number",
  client_id: "customer_account",
  customer_order_free_ref: "customer_reference",
  payment_reference: "payment_reference",
  payment_method: "payment_method",
  // A remark the invoice prints; invoice2data's templates put it in both.
  note: "note",
  narration: "note",
  incoterm: "incoterm",
  // A service's period; a hotel stay's check-in and check-out are its first and last day.
  date_start: "service_start",
  date_check_in: "service_start",
  date_end: "service_end",
  date_check_out: "service_end",
};
/**
 * Where a key's value stands when the first place is empty: invoice2data's `iban` holds a bank
 * account that is no IBAN ("US1234567890"); its `issuer` is the name a seller trades under
 * (Flipkart), else its legal name.
 */
const OR_ELSE: Record<string, string> = { iban: "supplier_bank_account", issuer: "supplier_name" };
const LINE_FIELDS: Record<string, string> = {
  name: "description",
  qty: "quantity",
  price_unit: "unit_price",
  price_subtotal: "amount",
};

/** Legal forms that end a company's name: "Amazon Web Services, Inc." and "Amazon Web Services" are one company. */
const LEGAL_FORM =
  /[\s,]+(pvt ltd|private limited|inc|incorporated|llc|ltd|limited|plc|gmbh|ag|kg|se|b ?v|n ?v|sas|sarl|sa|s ?a|spa|srl|corp|corporation|co)$/;
const company = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}, ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(LEGAL_FORM, "")
    .replace(/[\s,]+$/, "");
const compact = (text: string) => text.replace(/[\s.-]+/g, "").toUpperCase();
const host = (website: string) =>
  website
    .replace(/^https?:\/\//i, "")
    .split("/")[0]
    ?.toLowerCase();

/**
 * How a key's expected value is compared with what Crossdock read, where the same thing may be
 * printed two ways: an identifier with or without its spaces ("DE 232 446 240"), a company with or
 * without its legal form, a website by its host ("aws.amazon.com/contact-us/"), a telephone number
 * by its digits, an invoice number with or without a number sign ("#BLR_…"), a country code in
 * either case. Anything else as `same` compares it.
 */
const COMPARE: Record<string, (ours: string, theirs: string) => boolean> = {
  issuer: (ours, theirs) => company(ours) === company(theirs),
  partner_name: (ours, theirs) => company(ours) === company(theirs),
  partner_website: (ours, theirs) => host(ours) === host(theirs),
  telephone: (ours, theirs) => ours.replace(/\D/g, "") === theirs.replace(/\D/g, ""),
  invoice_number: (ours, theirs) => ours.replace(/^#/, "") === theirs.replace(/^#/, ""),
  country_code: (ours, theirs) => ours.toUpperCase() === theirs.toUpperCase(),
  ...Object.fromEntries(
    ["vat", "gstin", "iban", "bic", "siren", "partner_coc", "cin"].map((key) => [
      key,
      (ours: string, theirs: string) => compact(ours) === compact(theirs),
    ]),
  ),
};

/**
 * Expected values no reader of the document can give, because its template writes them and the
 * document does not print them: each template's own `desc`; AzureInterior's template constants
 * (`bic` "bic", `mandate_id` "111", a street2 and street3, a service period…); Sammy Maystone's
 * template name as `issuer` ("… - For Lines testing") and its own `line_items` structure; Coolblue's
 * `note` and `narration`, which its template composes from several labelled values. Counted apart
 * so the bench can say how many of what the documents print are read.
 */
const TEMPLATE_ONLY: Record<string, string[]> = {
  "*": ["desc"],
  AzureInterior: [
    "partner_street2",
    "partner_street3",
    "partner_ref",
    "bic",
    "mandate_id",
    "payment_unece_code",
    "customer_order_number",
    "purchase_order_id",
    "mobile",
    "partner_coc",
    "date_start",
    "date_end",
  ],
  SammyMaystoneLinesTest: ["issuer", "line_items"],
  coolblue1: ["note", "narration"],
  coolblue2: ["note", "narration"],
};
const templateOnly = (file: string, key: string) =>
  (TEMPLATE_ONLY["*"] ?? []).includes(key) || (TEMPLATE_ONLY[file] ?? []).includes(key);

type Expected = Record<string, unknown> & { lines?: Record<string, unknown>[] };

/** Text as printed, its spacing aside: a description printed on two lines ("Beeswax XL\nAcme beeswax") is one text. */
const spaced = (text: string) => text.replace(/\s+/g, " ").trim();
const same = (ours: string | undefined, theirs: unknown) =>
  ours !== undefined && (typeof theirs === "number" ? Number(ours) === theirs : spaced(String(theirs)) === spaced(ours));

/** One expected key of one file: whether Crossdock read it right, and what it read. */
export type Invoice2dataKey = { key: string; right: boolean; expected: unknown; read: string | null; printed: boolean };

export type Invoice2dataScore = {
  fields: number;
  right: number;
  /** The expected fields the documents print (not a template's own), and how many of those were read right. */
  printed: { fields: number; right: number };
  byKey: Record<string, { right: number; of: number }>;
  files: { file: string; keys: Invoice2dataKey[] }[];
};

/** A second reading of a document from the rules' (the model extractor's), to score instead of the rules'. */
export type Reread = (
  pages: PageText[],
  rules: { fields: Record<string, ExtractedValue>; lines: ExtractedLine[] },
) => Promise<{ fields: Record<string, ExtractedValue>; lines: ExtractedLine[] }>;

export async function scoreInvoice2data(
  documents: string,
  reader: TextReader,
  reread?: Reread,
): Promise<Invoice2dataScore | null> {
  const folder = path.join(documents, "invoice2data", "compare");
  if (!existsSync(folder)) return null;
  const score: Invoice2dataScore = { fields: 0, right: 0, printed: { fields: 0, right: 0 }, byKey: {}, files: [] };
  for (const name of readdirSync(folder).filter((file) => file.endsWith(".json"))) {
    const pdf = path.join(folder, name.replace(/\.json$/, ".pdf"));
    // saeco.pdf has no usable text layer and Orlen is a text file: the issue counts the 10 text PDFs.
    if (!existsSync(pdf) || name === "saeco.json") continue;
    const [expected] = JSON.parse(await readFile(path.join(folder, name), "utf8")) as Expected[];
    if (!expected) continue;
    const text = await reader.read(await readFile(pdf));
    const rules = {
      fields: { ...extractParties("invoice", text.pages), ...extractHeader("invoice", text.pages) },
      lines: extractLines("invoice", text.pages),
    };
    const { fields: header, lines } = reread ? await reread(text.pages, rules) : rules;
    const keys: Invoice2dataKey[] = [];
    for (const [key, value] of Object.entries(expected)) {
      let right = false;
      let read: string | null = null;
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
        read = `${lines.length} lines`;
      } else if (key === "currency_symbol") {
        // The mark the document prints its currency with.
        read = header.currency?.printed ?? null;
        right = read === value;
      } else if (OURS[key]) {
        read = header[OURS[key] as string]?.value ?? (OR_ELSE[key] ? header[OR_ELSE[key]]?.value : undefined) ?? null;
        const compare = COMPARE[key];
        right = read !== null && (compare ? compare(read, String(value)) : same(read, value));
      }
      const printed = !templateOnly(name.replace(/\.json$/, ""), key);
      keys.push({ key, right, expected: value, read, printed });
      score.fields += 1;
      score.right += right ? 1 : 0;
      if (printed) {
        score.printed.fields += 1;
        score.printed.right += right ? 1 : 0;
      }
      const entry = score.byKey[key] ?? { right: 0, of: 0 };
      entry.of += 1;
      entry.right += right ? 1 : 0;
      score.byKey[key] = entry;
    }
    score.files.push({ file: name.replace(/\.json$/, ""), keys });
  }
  return score;
}
