import type { RecordInput } from "../../modules/records/index.ts";
import type { Random } from "../random.ts";
import { round4, unitPrice } from "./money.ts";

/** How an item is packed and sold: the base unit, and the pack customers order in, if any. */
export type Packing = { baseUom: "EA" | "FT" | "GAL" | "RL"; salesUom: string; packSize: number };

/** A product family: how its items are named, priced, packed, and how their demand moves over the year. */
type Family = {
  name: (random: Random) => string;
  /** Median cost of one sales unit, in dollars. */
  cost: number;
  packing: Packing;
  hazardous?: boolean;
  /** Peak month (1–12) and amplitude of yearly seasonality; 0 for none. */
  season?: { peakMonth: number; amplitude: number };
};

const pick = <T>(random: Random, items: readonly T[]) => random.pick(items);
const EA = (packSize = 1, salesUom = "EA"): Packing => ({ baseUom: "EA", salesUom, packSize });

export const CATEGORIES: Record<string, Family[]> = {
  fasteners: [
    {
      name: (r) =>
        `Hex cap screw ${pick(r, ["1/4-20", "5/16-18", "3/8-16", "1/2-13", "M6", "M8", "M10", "M12"])} x ${pick(r, ["3/4", "1", "1-1/2", "2", "3", "20 mm", "30 mm", "50 mm"])}, grade ${pick(r, ["5", "8", "8.8", "10.9"])}, ${pick(r, ["zinc", "plain", "yellow zinc", "hot-dip galvanized"])}`,
      cost: 9,
      packing: EA(100, "BX"),
    },
    {
      name: (r) =>
        `Nylon insert lock nut ${pick(r, ["#10-24", "1/4-20", "5/16-18", "3/8-16", "M6", "M8", "M10"])}, ${pick(r, ["zinc", "18-8 stainless", "plain"])}`,
      cost: 6,
      packing: EA(100, "BX"),
    },
    {
      name: (r) =>
        `Flat washer ${pick(r, ["#10", "1/4", "5/16", "3/8", "1/2", "M8", "M10"])} ${pick(r, ["SAE", "USS", "DIN 125"])}, ${pick(r, ["zinc", "stainless"])}`,
      cost: 3.5,
      packing: EA(100, "BX"),
    },
    {
      name: (r) =>
        `Wedge anchor ${pick(r, ["3/8 x 3", "1/2 x 4-1/4", "5/8 x 6", "3/4 x 8-1/2"])}, ${pick(r, ["zinc", "304 stainless"])}`,
      cost: 28,
      packing: EA(25, "BX"),
    },
    {
      name: (r) =>
        `Self-drilling screw ${pick(r, ["#8 x 1/2", "#10 x 3/4", "#12 x 1", "#12 x 1-1/2"])} hex washer head, ${pick(r, ["zinc", "black oxide"])}`,
      cost: 12,
      packing: EA(250, "BX"),
    },
  ],
  electrical: [
    {
      name: (r) =>
        `THHN wire ${pick(r, ["14", "12", "10", "8"])} AWG ${pick(r, ["black", "white", "red", "green", "blue"])}, ${pick(r, ["500 ft", "1000 ft"])} reel`,
      cost: 85,
      packing: { baseUom: "RL", salesUom: "RL", packSize: 1 },
      season: { peakMonth: 6, amplitude: 0.2 },
    },
    {
      name: (r) =>
        `Twist-on wire connector ${pick(r, ["yellow", "red", "orange", "blue", "gray"])} ${pick(r, ["22-14 AWG", "18-10 AWG", "16-8 AWG"])}`,
      cost: 11,
      packing: EA(100, "BX"),
    },
    {
      name: (r) =>
        `EMT ${pick(r, ["set-screw", "compression"])} ${pick(r, ["connector", "coupling"])} ${pick(r, ["1/2", "3/4", "1", "1-1/4"])} in, ${pick(r, ["steel", "die-cast zinc"])}`,
      cost: 0.9,
      packing: EA(1, "EA"),
    },
    {
      name: (r) =>
        `Circuit breaker ${pick(r, ["1-pole", "2-pole"])} ${pick(r, ["15", "20", "30", "40", "50"])} A, ${pick(r, ["plug-on", "bolt-on"])}`,
      cost: 14,
      packing: EA(),
    },
    {
      name: (r) => `LED high bay ${pick(r, ["150", "200", "240"])} W, ${pick(r, ["4000", "5000"])} K, 120-277 V`,
      cost: 96,
      packing: EA(),
    },
  ],
  safety: [
    {
      name: (r) =>
        `Nitrile disposable gloves ${pick(r, ["4 mil", "6 mil", "8 mil"])}, ${pick(r, ["blue", "black", "orange"])}, size ${pick(r, ["S", "M", "L", "XL"])}`,
      cost: 54,
      packing: EA(10, "CS"),
    },
    {
      name: (r) =>
        `Cut-resistant gloves ANSI ${pick(r, ["A2", "A3", "A4", "A6"])}, ${pick(r, ["PU", "nitrile foam"])} palm, size ${pick(r, ["M", "L", "XL"])}`,
      cost: 38,
      packing: EA(12, "DZ"),
    },
    {
      name: (r) =>
        `Safety glasses ${pick(r, ["clear", "gray", "amber", "indoor/outdoor"])} ${pick(r, ["anti-fog", "hard-coat"])} lens, ANSI Z87.1+`,
      cost: 2.4,
      packing: EA(),
    },
    {
      name: (r) =>
        `Hi-vis vest ANSI class ${pick(r, ["2", "3"])}, ${pick(r, ["lime", "orange"])}, size ${pick(r, ["M", "L", "XL", "2XL"])}`,
      cost: 7.5,
      packing: EA(),
      season: { peakMonth: 10, amplitude: 0.25 },
    },
    {
      name: (r) => `Foam ear plugs NRR ${pick(r, ["29", "32", "33"])}, ${pick(r, ["corded", "uncorded"])}`,
      cost: 24,
      packing: EA(200, "BX"),
    },
  ],
  abrasives: [
    {
      name: (r) =>
        `Flap disc ${pick(r, ["4-1/2", "5", "7"])} in x 7/8, ${pick(r, ["40", "60", "80", "120"])} grit ${pick(r, ["zirconia", "ceramic", "aluminum oxide"])}, type ${pick(r, ["27", "29"])}`,
      cost: 4.2,
      packing: EA(10, "BX"),
    },
    {
      name: (r) =>
        `Cut-off wheel ${pick(r, ["4-1/2", "5", "6", "14"])} in x ${pick(r, ["0.040", "0.045", "1/8"])} in, ${pick(r, ["metal", "stainless", "masonry"])}`,
      cost: 2.1,
      packing: EA(25, "BX"),
    },
    {
      name: (r) =>
        `Sanding belt ${pick(r, ["1 x 30", "2 x 72", "4 x 36", "6 x 48"])} in, ${pick(r, ["36", "60", "80", "120"])} grit`,
      cost: 2.8,
      packing: EA(10, "BX"),
    },
  ],
  "fluid power": [
    {
      name: (r) =>
        `Hydraulic hose ${pick(r, ["1/4", "3/8", "1/2", "3/4"])} in ID, ${pick(r, ["SAE 100R1", "SAE 100R2", "SAE 100R17"])}`,
      cost: 3.1,
      packing: { baseUom: "FT", salesUom: "FT", packSize: 1 },
    },
    {
      name: (r) =>
        `JIC 37° ${pick(r, ["straight", "90°", "45°"])} fitting ${pick(r, ["-04", "-06", "-08", "-12"])}, ${pick(r, ["steel", "stainless"])}`,
      cost: 6.5,
      packing: EA(),
    },
    {
      name: (r) =>
        `Quick coupler ${pick(r, ["1/4", "3/8", "1/2"])} in ${pick(r, ["ISO A", "ISO B", "flat-face"])} ${pick(r, ["male", "female"])}`,
      cost: 18,
      packing: EA(),
    },
    {
      name: (r) => `Hydraulic oil AW ${pick(r, ["32", "46", "68"])}, ${pick(r, ["5 gal pail", "55 gal drum"])}`,
      cost: 72,
      packing: EA(),
      hazardous: true,
    },
  ],
  janitorial: [
    {
      name: (r) =>
        `Can liner ${pick(r, ["33", "45", "56"])} gal, ${pick(r, ["1.2", "1.5", "2.0"])} mil, ${pick(r, ["black", "clear"])}`,
      cost: 34,
      packing: EA(1, "CS"),
    },
    {
      name: (r) => `Multifold paper towel ${pick(r, ["white", "natural"])}, ${pick(r, ["250", "334"])} sheets/pack`,
      cost: 29,
      packing: EA(16, "CS"),
      season: { peakMonth: 1, amplitude: 0.15 },
    },
    {
      name: (r) => `${pick(r, ["Citrus", "Heavy-duty", "Non-butyl"])} degreaser concentrate, ${pick(r, ["1 gal", "5 gal"])}`,
      cost: 18,
      packing: EA(4, "CS"),
      hazardous: true,
    },
    {
      name: (r) => `Hand soap ${pick(r, ["foaming", "lotion"])} ${pick(r, ["1000 mL", "1250 mL"])} refill`,
      cost: 48,
      packing: EA(6, "CS"),
      season: { peakMonth: 1, amplitude: 0.3 },
    },
  ],
};

export const CATEGORY_NAMES = Object.keys(CATEGORIES);

export const CATEGORY_CODES: Record<string, string> = {
  fasteners: "FAS",
  electrical: "ELE",
  safety: "SAF",
  abrasives: "ABR",
  "fluid power": "FLP",
  janitorial: "JAN",
};

/** An item of the catalog, with what the simulation needs beside its record. */
export type CatalogItem = {
  record: RecordInput<"item">;
  externalId: string;
  category: string;
  packing: Packing;
  /** Cost and list price of one sales unit. */
  cost: number;
  listPrice: number;
  supplierExternalId: string;
  season: { peakMonth: number; amplitude: number } | undefined;
  hazardous: boolean;
  /** Set for items that replaced an older one. */
  replaces?: string;
  discontinuedOn?: string;
};

export function generateCatalog(
  random: Random,
  count: number,
  suppliersByCategory: Map<string, string[]>,
  historyStart: string,
  historyEnd: string,
): CatalogItem[] {
  const items: CatalogItem[] = [];
  const names = new Set<string>();
  for (let n = 0; n < count; n++) {
    const category = CATEGORY_NAMES[n % CATEGORY_NAMES.length] as string;
    const family = random.pick(CATEGORIES[category] as Family[]);
    let name = family.name(random);
    // Families have finitely many variants; a repeated name gets a brand to tell it apart, as catalogs do.
    for (let i = 2; names.has(name); i++) name = `${family.name(random)} (${i})`;
    names.add(name);
    const code = CATEGORY_CODES[category] as string;
    const sku = `${code}-${String(10_000 + n * 7).padStart(6, "0")}`;
    const cost = round4(Math.max(0.15, random.logNormal(family.cost, 0.35)));
    const listPrice = round4(cost * random.logNormal(1.55, 0.12));
    const supplierExternalId = random.pick(suppliersByCategory.get(category) ?? []);
    const { packing } = family;
    const externalId = `ITEM-${sku}`;
    const conversions: NonNullable<RecordInput<"item">["uom_conversions"]> = [
      { uom: packing.baseUom, quantity_in_base: "1", is_sales_default: packing.packSize === 1 },
    ];
    if (packing.packSize > 1) {
      conversions.push({
        uom: packing.salesUom,
        quantity_in_base: String(packing.packSize),
        is_sales_default: true,
        is_purchase_default: true,
      });
    }
    const hazardous = family.hazardous ?? false;
    items.push({
      externalId,
      category,
      packing,
      cost,
      listPrice,
      supplierExternalId,
      season: family.season,
      hazardous,
      record: {
        source_system: "erp",
        external_id: externalId,
        sku,
        name,
        status: "active",
        base_uom: packing.baseUom,
        category,
        product_line: `${code}-${String(1 + (CATEGORIES[category] as Family[]).indexOf(family)).padStart(2, "0")}`,
        brand: supplierExternalId.replace(/^SUP-/, "Brand "),
        manufacturer_part_number: `${code}${random.int(100_000, 999_999)}`,
        preferred_supplier_external_id: supplierExternalId,
        currency: "USD",
        // Prices of the base unit; customers mostly buy the pack.
        standard_cost: unitPrice(cost / packing.packSize),
        list_price: unitPrice(listPrice / packing.packSize),
        is_stocked: true,
        is_hazardous: hazardous,
        uom_conversions: conversions,
        attributes: {},
      },
    });
  }
  supersede(random, items, historyStart, historyEnd);
  return items;
}

/** About 3% of items were superseded during the history: the old one discontinued, a new one in its place. */
function supersede(random: Random, items: CatalogItem[], historyStart: string, historyEnd: string): void {
  const startYear = Number(historyStart.slice(0, 4));
  const candidates = random.sample(items, Math.max(1, Math.round(items.length * 0.03)));
  for (const old of candidates) {
    const year = startYear + random.int(0, Number(historyEnd.slice(0, 4)) - startYear);
    const date = `${year}-${String(random.int(1, 12)).padStart(2, "0")}-01`;
    const since = date < historyStart ? historyStart : date > historyEnd ? historyEnd : date;
    const replacementSku = `${old.record.sku}-N`;
    const replacement: CatalogItem = {
      ...old,
      externalId: `ITEM-${replacementSku}`,
      replaces: old.externalId,
      record: {
        ...old.record,
        external_id: `ITEM-${replacementSku}`,
        sku: replacementSku,
        name: `${old.record.name} (new design)`,
        attributes: { supersedes: old.record.sku },
      },
    };
    old.discontinuedOn = since;
    old.record.status = "discontinued";
    old.record.attributes = { superseded_by: replacementSku, discontinued_on: since };
    items.push(replacement);
  }
}
