import type { DemoScale } from "../world.ts";

export type ScaleSize = {
  items: number;
  customers: number;
  suppliers: number;
  /** Sales order lines per working day the business aims at, across all warehouses. */
  linesPerDay: number;
};

export const SCALES: Record<DemoScale, ScaleSize> = {
  small: { items: 150, customers: 30, suppliers: 10, linesPerDay: 14 },
  medium: { items: 2_000, customers: 400, suppliers: 60, linesPerDay: 70 },
  large: { items: 20_000, customers: 2_000, suppliers: 200, linesPerDay: 400 },
};

export const DEMO_SCALES = Object.keys(SCALES) as DemoScale[];

/** The two years of history end here, whatever the date the demo runs: the same seed gives the same bytes. */
export const HISTORY_END = "2026-10-31";
export const HISTORY_DAYS = 730;
