import type { Random } from "../../random.ts";
import type { KnowledgeContext } from "../context.ts";
import { BlockWriter, type KnowledgeDocument } from "../document.ts";
import { decimalNumber, longDate, money, quantity, slug, titleCase } from "../format.ts";
import { markdownTableRow } from "../render/markdown.ts";
import { joinAnd } from "../wording.ts";
import { compare, type Row } from "../world-index.ts";

export type CatalogRow = {
  item: Row<"item">;
  packs: string;
  listPrice: string | undefined;
  replacedBy: Row<"item"> | undefined;
  passage: string;
};

/** One category's pages of the product catalog. */
export type CategoryCatalog = { document: KnowledgeDocument; category: string; rows: CatalogRow[] };

const CATALOG_COLUMNS = ["SKU", "Item", "Brand", "Mfr. part no.", "Units", "List price", "Notes"];

/**
 * An excerpt of one category: every item in `mustList` (those contracts and questions refer to),
 * then a random sample up to the scale's size, in SKU order.
 */
export function buildCategoryCatalog(
  context: KnowledgeContext,
  category: string,
  mustList: ReadonlySet<string>,
  random: Random,
): CategoryCatalog {
  const { index, company, sizes } = context;
  const all = index.itemsByCategory.get(category) ?? [];
  const required = all.filter((item) => mustList.has(item.external_id));
  const others = all.filter((item) => !mustList.has(item.external_id));
  const listed = [...required, ...random.sample(others, Math.max(0, sizes.catalogItemsPerCategory - required.length))].sort(
    (a, b) => compare(a.sku, b.sku),
  );
  const name = titleCase(category);
  const write = new BlockWriter();
  write.heading(`${company.name} Product Catalog - ${name}`, 1);
  const brands = [...new Set(listed.map((item) => item.brand).filter((brand): brand is string => Boolean(brand)))].sort(compare);
  write.paragraph(
    `List prices in US dollars per base unit, as of ${longDate(index.asOf)}. Customer prices follow the Pricing Policy and each customer's supply agreement.`,
  );
  write.paragraph(
    `${listed.length < all.length ? `This excerpt lists ${listed.length} of the ${all.length}` : `This section lists all ${all.length}`} items in the ${name} category${brands.length > 0 && brands.length <= 8 ? `, from ${joinAnd(brands)}` : ""}. "Units" gives each unit of measure an item is sold in, as a number of base units.`,
  );
  const table: string[][] = [];
  const rows = listed.map((item): CatalogRow => {
    const packs = packsOf(item);
    const listPrice =
      item.list_price !== null && item.list_price !== undefined ? `${money(item.list_price)} / ${item.base_uom}` : undefined;
    const replacement = index.replacements.get(item.external_id);
    const replacedBy = replacement ? index.items.get(replacement.replacedBy) : undefined;
    const cells = [
      item.sku,
      item.name,
      item.brand ?? "-",
      item.manufacturer_part_number ?? "-",
      packs,
      listPrice ?? "on request",
      notes(item, replacedBy, replacement?.since),
    ];
    table.push(cells);
    return { item, packs, listPrice, replacedBy, passage: markdownTableRow(cells) };
  });
  write.table(CATALOG_COLUMNS, table, [1.2, 3.2, 1, 1.2, 1.3, 1.1, 1.6]);
  write.paragraph("Hazardous items ship by ground only; see SOP-WH-205, Hazardous Materials Shipping.");
  return {
    document: {
      path: `knowledge/catalog/${slug(category)}.md`,
      kind: "product_catalog",
      title: `Product Catalog - ${name}`,
      blocks: write.blocks,
      renditions: [],
      related: { item: listed.map((item) => item.external_id) },
    },
    category,
    rows,
  };
}

/** `CS = 10 EA; EA` style: every unit the item comes in, largest first. */
function packsOf(item: Row<"item">): string {
  const conversions = (item.uom_conversions ?? [])
    .map((conversion) => ({ uom: conversion.uom, size: decimalNumber(conversion.quantity_in_base) ?? 1 }))
    .filter((conversion) => conversion.uom !== item.base_uom)
    .sort((a, b) => b.size - a.size || compare(a.uom, b.uom));
  return [
    ...conversions.map(({ uom, size }) => `1 ${uom} = ${quantity(size)} ${item.base_uom}`),
    `base unit ${item.base_uom}`,
  ].join("; ");
}

function notes(item: Row<"item">, replacedBy: Row<"item"> | undefined, since: string | undefined): string {
  const notes: string[] = [];
  if (item.is_hazardous) notes.push("Hazardous");
  if (item.status === "discontinued")
    notes.push(replacedBy ? `Discontinued ${since ?? ""}, replaced by ${replacedBy.sku}`.replace("  ", " ") : "Discontinued");
  if (item.is_stocked === false) notes.push("Non-stock, special order");
  return notes.join("; ") || "-";
}
