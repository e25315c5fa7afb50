import type { PageText, PageWord } from "../text/page-text.ts";
import type { ExtractedValue } from "./extracted.ts";
import { legalName, sameCompany } from "./legal-name.ts";
import type { Cell } from "./page-lines.ts";
import { partyFields } from "./party-block.ts";
import { partyContacts } from "./party-contacts.ts";
import { partyIdentifiers } from "./party-identifiers.ts";
import { blockFrom, rowsOf } from "./party-rows.ts";

type Found = {
  /** Whether a label ("Service Provider", "Sold By") named the seller's block. */
  labelled: boolean;
  /** The lines the seller's fields were read from (its letterhead). */
  own: PageWord[][];
  /** Other parties' blocks' lines. */
  others: PageWord[][];
  isLabel: (cell: Cell) => boolean;
};

/**
 * An invoice's seller, beyond its block: where its legal footer names another company than the
 * top of the page did (a French invoice's top right block is its customer's), the footer's
 * company and the block under its name; then its VAT number, IBAN, BIC, company number, email,
 * website and phone, read outside the other parties' blocks. Returns the seller's fields
 * (`supplier_…`) as they now stand, and the lines they were read from.
 */
export function sellerIdentity(
  pages: PageText[],
  fields: Record<string, ExtractedValue>,
  found: Found,
): { fields: Record<string, ExtractedValue>; own: PageWord[][] } {
  let seller = Object.fromEntries(Object.entries(fields).filter(([field]) => field.startsWith("supplier_")));
  let own = found.own;
  const others = new Set(found.others.flat());
  const legal = found.labelled ? null : legalName(pages);
  const name = seller.supplier_name?.value;
  if (legal && (!name || !sameCompany(name, legal.words.map((word) => word.text).join(" ")))) {
    for (const word of own.flat()) others.add(word);
    own = blockFrom(rowsOf(legal.page), legal.line, legal.words, found.isLabel);
    seller = partyFields("supplier", own, legal.page.page, 0.75);
  }
  for (const [field, value] of Object.entries({
    ...partyIdentifiers(pages, "supplier", others),
    ...partyContacts(pages, "supplier", own, others),
  }))
    seller[field] ??= value;
  return { fields: seller, own };
}
