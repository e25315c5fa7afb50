/**
 * The kinds of personal data the redactor masks before text leaves the tenant (LLM prompts, logs),
 * and the shapes it hands back so a masked text can be restored inside the tenant.
 */
export const PERSONAL_DATA_KINDS = [
  "email",
  "phone",
  "card",
  "iban",
  "bank_account",
  "tax_id",
  "person_name",
  "address",
] as const;

export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

/** One masked value: where it was in the original text, and the placeholder that replaced it. */
export type RedactedSpan = {
  kind: PersonalDataKind;
  placeholder: string;
  original: string;
  start: number;
  end: number;
};

export type Redaction = { text: string; found: RedactedSpan[] };

/** What a detector reports: a span of the original text, before overlaps are settled. */
export type Detection = { kind: PersonalDataKind; start: number; end: number };
