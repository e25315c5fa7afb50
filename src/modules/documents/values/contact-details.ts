/** Top-level domains a bare web address ("aws.amazon.com", "free.fr") is recognised by, without "www." or a scheme. */
const DOMAINS =
  /^(com|net|org|info|biz|io|co|eu|de|nl|be|fr|lu|ch|at|it|es|pt|uk|ie|dk|se|no|fi|pl|cz|us|ca|mx|in|cn|jp|hk|sg|au|nz|br)$/;

const trimmed = (printed: string) => printed.trim().replace(/^[(<["']+|[)>\]"',;:.]+$/g, "");

/** Reads an email address ("annonce@publicationannoncelegale.fr", "E-mail: info@x.de" without its label); null when it is none. */
export function readEmail(printed: string): string | null {
  const text = trimmed(printed).replace(/^e-?mail:?/i, "");
  return /^[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.\p{L}{2,}$/u.test(text) ? text : null;
}

/**
 * Reads a web address as printed ("http://www.azure-interior.com", "www.tabletcenter.nl",
 * "aws.amazon.com/contact-us/"); null when it is none (an email, a number with dots, "B.V.").
 * A bare name needs a known top-level domain.
 */
export function readWebsite(printed: string): string | null {
  const text = trimmed(printed);
  if (text.includes("@")) return null;
  const match = /^(https?:\/\/)?([\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)(\/\S*)?$/iu.exec(text);
  if (!match) return null;
  const host = (match[2] as string).toLowerCase();
  const top = host.split(".").at(-1) as string;
  if (!/^\p{L}{2,}$/u.test(top)) return null;
  return match[1] || host.startsWith("www.") || DOMAINS.test(top) ? text : null;
}

/** The host a web address names ("http://www.azure-interior.com/x" → "www.azure-interior.com"). */
export const hostOf = (website: string) =>
  website
    .replace(/^https?:\/\//i, "")
    .split("/")[0]
    ?.toLowerCase() ?? "";

/**
 * Reads a telephone number as printed ("+49 6051 916 44 10", "(870)-931-0505", "01 71 17 61 67",
 * "020 7604101"): the printed number, or null when it is not one (7 to 15 digits, with only
 * spaces, dots, dashes, brackets and a leading "+" between).
 */
export function readPhone(printed: string): string | null {
  const text = printed.trim().replace(/[.,;:]+$/, "");
  if (!/^\+?[\d\s().\-/]+$/.test(text) || !/^[+(\d]/.test(text)) return null;
  const digits = text.replace(/\D/g, "").length;
  // A date ("01.05.14") or an amount ("1.250,00") is not a number to call.
  if (/^\d{1,2}[./]\d{1,2}[./]\d{2,4}$/.test(text)) return null;
  return digits >= 7 && digits <= 15 ? text : null;
}
