import type { Random } from "../random.ts";
import type { DemandPattern } from "../world.ts";
import { dayOfYear, daysBetween, isWeekend, weekday } from "./calendar.ts";
import type { CatalogItem } from "./catalog.ts";

/** How one item sells at one warehouse: the generating process behind its true demand. */
export type DemandProfile = {
  item: CatalogItem;
  locationExternalId: string;
  pattern: DemandPattern;
  /** Chance of any demand on a working day, before trend, seasonality and promotions. */
  occurrence: number;
  /** Mean size of a day's demand when there is some, in sales units. */
  size: number;
  /** Variance = mean + mean² / dispersion: small means erratic. */
  dispersion: number;
  /** Relative growth per year. */
  trend: number;
  /** Day indexes of promotions, and their lift. */
  promotions: { from: number; to: number; lift: number }[];
  /** Sold only between these day indexes (superseded and replacement items). */
  activeFrom: number;
  activeTo: number;
};

const PATTERNS: DemandPattern[] = ["smooth", "erratic", "intermittent", "lumpy"];
const PATTERN_SHARE = [0.15, 0.1, 0.5, 0.25];
// Monday is the busiest order day in distribution, Friday the quietest.
const WEEKDAY_FACTOR = [0, 1.12, 1.06, 1.0, 1.0, 0.82, 0];

/** Demand profiles for every item at the warehouses that stock it, scaled so the business sells about `linesPerDay` lines a day. */
export function demandProfiles(
  random: Random,
  items: CatalogItem[],
  locations: string[],
  days: string[],
  linesPerDay: number,
): DemandProfile[] {
  const start = days[0] as string;
  const profiles: DemandProfile[] = [];
  const patternOf = new Map<string, DemandPattern>();
  for (const item of items) {
    const original = item.replaces ? patternOf.get(item.replaces) : undefined;
    const pattern = original ?? random.weighted(PATTERNS, PATTERN_SHARE);
    patternOf.set(item.externalId, pattern);
    const stockedAt =
      pattern === "smooth"
        ? locations
        : random.sample(locations, random.weighted([1, 2, 3], pattern === "erratic" ? [2, 3, 2] : [5, 3, 1]));
    for (const locationExternalId of [...stockedAt].sort()) {
      const series = random.fork(`${item.externalId}@${locationExternalId}`);
      const promotions: DemandProfile["promotions"] = [];
      if ((pattern === "smooth" || pattern === "erratic") && series.chance(0.25)) {
        for (let n = series.int(1, 3); n > 0; n--) {
          const from = series.int(30, days.length - 20);
          promotions.push({ from, to: from + 13, lift: 1.5 + series.next() });
        }
      }
      profiles.push({
        item,
        locationExternalId,
        pattern,
        occurrence: {
          smooth: 0.6 + series.next() * 0.35,
          erratic: 0.35 + series.next() * 0.4,
          intermittent: 0.02 + series.next() * 0.2,
          lumpy: 0.01 + series.next() * 0.1,
        }[pattern],
        size: {
          smooth: series.logNormal(6, 0.6),
          erratic: series.logNormal(5, 0.7),
          intermittent: 1 + series.next() * 2,
          lumpy: series.logNormal(12, 0.6),
        }[pattern],
        dispersion: { smooth: 20, erratic: 1.2, intermittent: 5, lumpy: 0.5 }[pattern],
        trend: series.normal(0.03, 0.12),
        promotions,
        activeFrom: item.replaces ? Math.max(0, daysBetween(start, activeSince(items, item))) : 0,
        activeTo: item.discontinuedOn ? daysBetween(start, item.discontinuedOn) : days.length,
      });
    }
  }
  // Scale how often demand occurs so the business has its size: a day of demand is about one order line.
  const expected = profiles.reduce((sum, profile) => sum + profile.occurrence, 0);
  const factor = linesPerDay / 1.35 / expected;
  for (const profile of profiles) profile.occurrence = Math.min(0.97, profile.occurrence * factor);
  return profiles;
}

function activeSince(items: CatalogItem[], replacement: CatalogItem): string {
  return items.find((item) => item.externalId === replacement.replaces)?.discontinuedOn ?? "0000-01-01";
}

/** The true demand of one day, in sales units, and whether a promotion ran. */
export function demandOn(
  profile: DemandProfile,
  random: Random,
  day: string,
  index: number,
): { demand: number; promoted: boolean } {
  if (index < profile.activeFrom || index >= profile.activeTo || isWeekend(day)) return { demand: 0, promoted: false };
  const promotion = profile.promotions.find((promo) => promo.from <= index && index <= promo.to);
  const season = profile.item.season
    ? 1 +
      profile.item.season.amplitude *
        Math.cos((2 * Math.PI * (dayOfYear(day) - (profile.item.season.peakMonth - 0.5) * 30.4)) / 365)
    : 1;
  const level = (1 + (profile.trend * index) / 365) * season * (WEEKDAY_FACTOR[weekday(day)] as number);
  const lift = promotion?.lift ?? 1;
  if (!random.chance(Math.min(0.99, profile.occurrence * level * Math.sqrt(lift))))
    return { demand: 0, promoted: Boolean(promotion) };
  const mean = Math.max(0.5, profile.size * Math.max(0.2, level) * Math.sqrt(lift));
  const demand =
    profile.pattern === "intermittent"
      ? 1 + random.poisson(mean - 1)
      : Math.max(1, random.negativeBinomial(mean, profile.dispersion));
  return { demand, promoted: Boolean(promotion) };
}
