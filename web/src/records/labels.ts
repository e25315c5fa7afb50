import type { RecordType } from "../contract.ts";

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "sales_orders" → "Sales orders". */
export const pluralLabel = (type: Pick<RecordType, "plural">): string => capitalise(type.plural.replaceAll("_", " "));

/** "unit_price" → "Unit price"; "customer_external_id" → "Customer". */
export function fieldLabel(name: string): string {
  const trimmed = name.endsWith("_external_id") ? name.slice(0, -"_external_id".length) : name;
  return capitalise(trimmed.replaceAll("_", " "))
    .replace(/\bUom\b/, "UoM")
    .replace(/\bId\b/, "ID");
}
