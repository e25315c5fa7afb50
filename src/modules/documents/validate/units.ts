import type { Item } from "../../records/index.ts";

/** How many base units one `uom` of the item holds: 1 for its base unit, a pack's size from its conversions, null if unknown. */
export function unitsInBase(item: Pick<Item, "base_uom" | "uom_conversions">, uom: string): number | null {
  const unit = uom.trim().toUpperCase();
  if (unit === "" || unit === item.base_uom.toUpperCase()) return 1;
  const conversion = (item.uom_conversions ?? []).find((candidate) => candidate.uom.toUpperCase() === unit);
  return conversion ? Number(conversion.quantity_in_base) : null;
}
