import { detectAddress } from "./detect-address.ts";
import { detectBankAccount } from "./detect-bank-account.ts";
import { detectCard } from "./detect-card.ts";
import { detectEmail } from "./detect-email.ts";
import { detectIban } from "./detect-iban.ts";
import { detectPersonName } from "./detect-person-name.ts";
import { detectPhone } from "./detect-phone.ts";
import { detectTaxId } from "./detect-tax-id.ts";
import {
  type Detection,
  PERSONAL_DATA_KINDS,
  type PersonalDataKind,
  type RedactedSpan,
  type Redaction,
} from "./personal-data.ts";

/**
 * Masks personal data before text leaves the tenant, keeping what was masked so the answer can be
 * restored (`restorePersonalData`). Every detector runs whatever `kinds` asks for, so a card number
 * is never masked as a phone just because cards were not asked for; overlaps keep the longer span.
 */
const DETECTORS = [
  detectIban,
  detectCard,
  detectTaxId,
  detectBankAccount,
  detectEmail,
  detectPhone,
  detectAddress,
  detectPersonName,
];

const LABEL: Record<PersonalDataKind, string> = {
  email: "EMAIL",
  phone: "PHONE",
  card: "CARD",
  iban: "IBAN",
  bank_account: "BANK_ACCOUNT",
  tax_id: "TAX_ID",
  person_name: "NAME",
  address: "ADDRESS",
};

/** Longest first; on a tie the detector listed first wins (an IBAN over the phone inside it). */
function settleOverlaps(detections: Detection[]): Detection[] {
  const ranked = detections
    .map((d, order) => ({ d, order }))
    .sort((a, b) => b.d.end - b.d.start - (a.d.end - a.d.start) || a.order - b.order);
  const kept: Detection[] = [];
  for (const { d } of ranked) {
    if (d.end > d.start && kept.every((k) => d.end <= k.start || d.start >= k.end)) kept.push(d);
  }
  return kept.sort((a, b) => a.start - b.start);
}

export function redactPersonalData(text: string, options: { kinds?: PersonalDataKind[] } = {}): Redaction {
  const kinds = new Set(options.kinds ?? PERSONAL_DATA_KINDS);
  const spans = settleOverlaps(DETECTORS.flatMap((detect) => detect(text))).filter((d) => kinds.has(d.kind));
  const placeholders = new Map<string, string>();
  const counters = new Map<PersonalDataKind, number>();
  const found: RedactedSpan[] = [];
  let out = "";
  let cursor = 0;
  for (const { kind, start, end } of spans) {
    const original = text.slice(start, end);
    const key = `${kind}\u0000${original}`;
    let placeholder = placeholders.get(key);
    if (placeholder === undefined) {
      let n = counters.get(kind) ?? 0;
      do placeholder = `[${LABEL[kind]}_${++n}]`;
      while (text.includes(placeholder));
      counters.set(kind, n);
      placeholders.set(key, placeholder);
    }
    found.push({ kind, placeholder, original, start, end });
    out += text.slice(cursor, start) + placeholder;
    cursor = end;
  }
  return { text: out + text.slice(cursor), found };
}
