import type { PageText, PageWord } from "../text/page-text.ts";
import type { ExtractedValue } from "./extracted.ts";
import { locate } from "./page-lines.ts";

/** The name a web address or an email's domain goes by: "www.flipkart.com/support" → flipkart, "contactus@oyorooms.com" → oyorooms. */
function domainName(address: string): string | null {
  const host = address
    .replace(/^.*@/, "")
    .replace(/^https?:\/\//i, "")
    .split("/")[0]
    ?.toLowerCase()
    .replace(/^www\./, "");
  const labels = host?.split(".") ?? [];
  // The label before the country's or the generic ending ("co.uk", "com").
  const name = labels.length >= 3 && /^(co|com|net|org)$/.test(labels.at(-2) ?? "") ? labels.at(-3) : labels.at(-2);
  return name && /^[a-z][a-z0-9-]{2,}$/.test(name) ? name : null;
}

const letters = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

/**
 * The name a seller trades under when its legal name is another ("WS Retail Services Pvt. Ltd."
 * sells as Flipkart, "Oravel Stays Private Limited" as OYO): a word the document prints that its
 * web address or email's domain is named by ("Flipkart" for flipkart.com), or begins with when
 * printed in capitals ("OYO" for oyorooms.com). None when the legal name already carries it
 * (Amazon Web Services at aws.amazon.com). The records match a supplier by either name.
 */
export function tradeName(pages: PageText[], fields: Record<string, ExtractedValue>): ExtractedValue | null {
  const legal = fields.supplier_name?.value;
  const domains = [fields.supplier_website?.value, fields.supplier_email?.value]
    .filter((address): address is string => Boolean(address))
    .map(domainName)
    .filter((name): name is string => name !== null);
  if (!legal || domains.length === 0) return null;
  const legalWords = new Set(legal.split(/\s+/).map(letters));
  if (domains.some((domain) => legalWords.has(domain) || letters(legal).startsWith(domain))) return null;
  for (const page of pages) {
    for (const word of page.words) {
      const printed = word.text.replace(/\.(com|net|org|in|de|fr|nl|co\.uk)$/i, "").replace(/[^\p{L}\p{N}&-]+$/u, "");
      const bare = letters(printed);
      if (bare.length < 3 || legalWords.has(bare) || /[@/]/.test(printed)) continue;
      const named = domains.some(
        (domain) => domain === bare || (/^\p{Lu}{3,}$/u.test(printed) && domain.startsWith(bare) && domain !== bare),
      );
      if (!named) continue;
      return { value: printed, printed: word.text, confidence: 0.6, location: locate([word] as PageWord[], page.page) };
    }
  }
  return null;
}
