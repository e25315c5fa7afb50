import type { RecordType } from "../contract.ts";

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "sales_orders" → "Sales orders". */
export const pluralLabel = (type: Pick<RecordType, "plural">): string => capitalise(type.plural.replaceAll("_", " "));

/** Words a distributor writes in capitals. */
const ACRONYMS: Record<string, string> = {
  po: "PO",
  sku: "SKU",
  gtin: "GTIN",
  uom: "UoM",
  id: "ID",
  ar: "AR",
  ap: "AP",
  csr: "CSR",
};

/** "unit_price" → "Unit price"; "customer_external_id" → "Customer"; "customer_po_number" → "Customer PO number". */
export function fieldLabel(name: string): string {
  const trimmed = name.endsWith("_external_id") ? name.slice(0, -"_external_id".length) : name;
  const words = trimmed.split("_").map((word) => ACRONYMS[word] ?? word);
  return capitalise(words.join(" "));
}
