import type { Detection } from "./personal-data.ts";

/**
 * Domestic bank account and routing numbers. A run of digits says nothing by itself, so only a
 * labelled one counts ("bank account", "a/c", "routing", "Kontonummer", "rekeningnummer" …). An
 * "account no." that belongs to a customer, vendor or loyalty scheme is a distributor's own
 * reference, not bank data, and is left alone.
 */
const LABELLED =
  /(?:\bbank[ \t]+account(?:[ \t]+(?:no\.?|number|nr\.?|#))?|(?<!\b(?:customer|client|vendor|supplier|loyalty|your|trade|credit|sap|erp)[ \t]+)\b(?:account|acct\.?)[ \t]*(?:no\.?|number|nr\.?|#)|\bacct\b\.?|\ba\/c(?:[ \t]*(?:no\.?|number|#))?|\brouting(?:[ \t]+(?:no\.?|number|#|code))?|\baba(?:[ \t]+(?:no\.?|number|#|routing))?|\bkontonummer|\bkonto(?:-?nr\.?)?|\bkto\.?(?:-?nr\.?)?|\brekening(?:nummer|nr\.?)?|\bnum[ée]ro de compte|\bn°[ \t]*de[ \t]*compte|\bsort[ \t]+code)(?:[ \t]+(?:is|was|now|changed to|will be|has changed to))?[ \t]*[:#.]?[ \t]*(?<value>\d[\d \-.]{4,40}\d)/giu;

/** A bare "Account 4099117623" is a bank account only with banking words around it (ABA, IBAN, wire …). */
const BARE_ACCOUNT =
  /(?<!\b(?:customer|client|vendor|supplier|loyalty|your|trade|credit|sap|erp)[ \t]+)\baccount\b[ \t]*[:#]?[ \t]*(?<value>\d[\d \-.]{4,40}\d)/giu;
const BANKING_NEARBY = /\b(?:aba|routing|iban|bic|swift|bank|wire|ach|sort code|checking|savings|beneficiary)\b/i;

function bankingNearby(text: string, index: number): boolean {
  return BANKING_NEARBY.test(text.slice(Math.max(0, index - 80), index + 80));
}

export function detectBankAccount(text: string): Detection[] {
  const out = new Map<number, Detection>();
  const matches = [...text.matchAll(LABELLED), ...[...text.matchAll(BARE_ACCOUNT)].filter((m) => bankingNearby(text, m.index))];
  for (const m of matches) {
    let value = m.groups?.value ?? "";
    const digits = value.replace(/\D/g, "").length;
    if (digits < 6 || digits > 30) {
      const first = value.match(/^\d+/)?.[0] ?? "";
      if (first.length < 6 || first.length > 30) continue;
      value = first;
    }
    const start = m.index + m[0].length - (m.groups?.value ?? "").length;
    out.set(start, { kind: "bank_account", start, end: start + value.length });
  }
  return [...out.values()];
}
