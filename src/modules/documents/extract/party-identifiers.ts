import { readIban, readVatNumber } from "../../governance/index.ts";
import type { PageText, PageWord } from "../text/page-text.ts";
import { readBic } from "../values/bic.ts";
import { type CompanyRegister, readCompanyNumber } from "../values/company-number.ts";
import type { ExtractedValue } from "./extracted.ts";
import { linesOf, locate } from "./page-lines.ts";

type Found = { value: string; words: PageWord[] };

const folded = (word: PageWord | undefined) => (word?.text ?? "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

/** Words before a number that say it is someone else's: the customer's VAT number. */
const NOT_OURS = /^(customer|client|klant|kunde|kunden|your|uw|votre|ihre|buyer|acheteur|koper)$/;
/** An IBAN printed to say which account will be debited is the customer's. */
const DEBIT = /(prélèv|prelev|direct debit|lastschrift|incasso|domiciliation|einzug)/i;
const VAT_LABEL = /^(vat|btw|tva|ust|ustid|ustidnr|mwst|uid|gstin|gst|iva|piva|nip|intracommunautaire|vatno|vatnumber|vatreg)$/;
/** Countries whose VAT numbers carry check digits that are checked. */
const CHECKED = new Set(["DE", "FR", "BE", "NL", "IT", "IN"]);
const BIC_LABEL = /^(bic|swift|swiftbic|bicswift|swiftcode|biccode)$/;
/** A bank account's label, as folded words; "account no" only on a line that also says "bank". */
const ACCOUNT_LABELS = [
  ["bank", "account"],
  ["bank", "account", "no"],
  ["bank", "account", "number"],
  ["bank", "ac"],
  ["bank", "ac", "no"],
  ["rekeningnummer"],
  ["bankrekening"],
  ["kontonummer"],
  ["kontonr"],
  ["account", "no"],
  ["account", "number"],
].sort((a, b) => b.length - a.length);
/** A bank account's number that is not an IBAN: digits, perhaps led by a country's or bank's letters ("US1234567890"). */
const readAccount = (printed: string) => {
  const compact = printed.replace(/[\s-]+/g, "");
  return /^[A-Z]{0,4}\d{6,30}$/.test(compact) ? compact : null;
};
/** The labels of company registers' numbers, and the register each names. */
const REGISTERS: [RegExp, CompanyRegister][] = [
  [/^(siren|siret|rcs|rsc)$/, "siren"],
  [/^(kvk|kvknummer|kvknr|coc|handelsregisternummer)$/, "kvk"],
  [/^(cin)$/, "cin"],
  [/^(hrb|hra)$/, "hrb"],
  [/^(crn|companyno|companynumber|registrationnumber)$/, "crn"],
];

/** The first run of one to `most` words from `from` whose text `read` accepts, the longest first. */
function runFrom(words: PageWord[], from: number, most: number, read: (text: string) => string | null): Found | null {
  for (let to = Math.min(words.length, from + most); to > from; to--) {
    // A run ends on a word of letters or digits, not on a dash between it and the next label.
    if (!/[\p{L}\p{N}]/u.test(words[to - 1]?.text ?? "")) continue;
    const value = read(
      words
        .slice(from, to)
        .map((word) => word.text)
        .join(" "),
    );
    if (value) return { value, words: words.slice(from, to) };
  }
  return null;
}

/** A register's number after its label ("RCS Paris B 530 848 134", "KvK Rotterdam 24330087") or, for a SIREN, before it ("B 421 938 861 RCS Paris"). */
function registerNumber(line: PageWord[], at: number, register: CompanyRegister): Found | null {
  const read = (text: string) => readCompanyNumber(text, register);
  if (register === "hrb") return runFrom(line, at, 2, read);
  for (let from = at + 1; from <= Math.min(line.length - 1, at + 4); from++) {
    const found = /\d/.test(line[from]?.text ?? "") ? runFrom(line, from, 4, read) : null;
    if (found) return found;
  }
  if (register !== "siren") return null;
  for (let from = Math.max(0, at - 4); from < at; from++) {
    const found = runFrom(line.slice(0, at), from, 4, read);
    if (found) return found;
  }
  return null;
}

/**
 * A party's registration and bank identifiers anywhere in a document, outside other parties'
 * blocks (`exclude`): its VAT number (by its country's form and check digits; an Indian GSTIN),
 * IBAN (by its check, mod 97), BIC (after its label), and a company register's number (a SIREN or
 * SIRET, a KvK number, an Indian CIN, a German HRB), and a bank account that is not an IBAN after
 * its label ("Bank Account: US1234567890"). A number labelled as the customer's, or an IBAN to be
 * debited, is not the party's.
 */
export function partyIdentifiers(pages: PageText[], role: string, exclude: Set<PageWord>): Record<string, ExtractedValue> {
  const found: Record<string, Found & { page: number }> = {};
  let register: CompanyRegister | null = null;
  const keep = (field: string, value: Found | null, page: number) => {
    if (value && !found[field]) found[field] = { ...value, page };
  };
  const keepNumber = (value: Found | null, named: CompanyRegister, page: number) => {
    if (!value || found.company_number) return;
    found.company_number = { ...value, page };
    register = named;
  };
  for (const page of pages) {
    const lines = linesOf(page);
    for (const [index, all] of lines.entries()) {
      const line = all.filter((word) => !exclude.has(word));
      const text = (words: PageWord[]) => words.map((word) => word.text).join(" ");
      const debit = lines.slice(Math.max(0, index - 3), index + 1).some((words) => DEBIT.test(text(words)));
      for (const [at, word] of line.entries()) {
        const before = line.slice(Math.max(0, at - 4), at).map(folded);
        if (before.some((token) => NOT_OURS.test(token))) continue;
        if (/\d/.test(word.text) || /^[A-Z]{2,3}$/.test(word.text)) {
          const vat = runFrom(line, at, 6, (printed) => readVatNumber(printed)?.value ?? null);
          const country = vat ? readVatNumber(vat.value)?.country : undefined;
          // A form alone is weak where a country has no check digits: its label must say it is a VAT number.
          if (country && (CHECKED.has(country) || before.some((token) => VAT_LABEL.test(token))))
            keep("vat_number", vat, page.page);
          if (!debit) keep("iban", runFrom(line, at, 9, readIban), page.page);
          keepNumber(
            runFrom(line, at, 1, (printed) => readCompanyNumber(printed, "cin")),
            "cin",
            page.page,
          );
        }
        if (BIC_LABEL.test(folded(word)))
          keep("bic", runFrom(line, line[at + 1]?.text === ":" ? at + 2 : at + 1, 1, readBic), page.page);
        const named = REGISTERS.find(([label]) => label.test(folded(word)))?.[1];
        if (named) keepNumber(registerNumber(line, at, named), named, page.page);
        const label = ACCOUNT_LABELS.find((tokens) => tokens.every((token, offset) => folded(line[at + offset]) === token));
        if (label && (label[0] !== "account" || line.some((other) => folded(other) === "bank"))) {
          const from = at + label.length + (line[at + label.length]?.text === ":" ? 1 : 0);
          const account = runFrom(line, from, 4, readAccount);
          if (account && !found.iban) keep("bank_account", account, page.page);
        }
      }
    }
  }
  const fields: Record<string, ExtractedValue> = {};
  for (const [field, { value, words, page }] of Object.entries(found)) {
    fields[`${role}_${field}`] = {
      value,
      printed: words.map((word) => word.text).join(" "),
      confidence: Math.round(0.85 * Math.min(1, ...words.map((word) => (word.confidence ?? 100) / 100)) * 100) / 100,
      location: locate(words, page),
    };
  }
  const number = fields[`${role}_company_number`];
  if (number && register) fields[`${role}_company_register`] = { ...number, value: register };
  return fields;
}
