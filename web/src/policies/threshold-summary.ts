import { formatMoney } from "../format/format.ts";

export type Tier = { max_minor: number | null; role: string };

/** Cents as an amount people read: 2500000 → "25,000.00". */
export const moneyLabel = (minor: number): string => formatMoney((minor / 100).toFixed(2), null);

/** "csr up to 25,000.00 · admin above". */
export const tiersLabel = (tiers: readonly Tier[]): string =>
  tiers
    .map((tier) => (tier.max_minor === null ? `${tier.role} above` : `${tier.role} up to ${moneyLabel(tier.max_minor)}`))
    .join(" · ");

const isTier = (value: unknown): value is Tier => {
  const tier = value as Partial<Tier> | null;
  return (
    typeof tier === "object" &&
    tier !== null &&
    typeof tier.role === "string" &&
    (tier.max_minor === null || typeof tier.max_minor === "number")
  );
};

/**
 * One kind's thresholds in a line: "alone up to 5,000.00 · 90% sure · csr up to 25,000.00 · admin above";
 * null while they are not all values (being typed, or not in the expected shape).
 */
export function thresholdsSummary(value: unknown): string | null {
  const kind = value as { auto_approve_max_minor?: unknown; min_confidence?: unknown; approver_tiers?: unknown } | null;
  if (typeof kind !== "object" || kind === null) return null;
  const { auto_approve_max_minor: limit, min_confidence: confidence, approver_tiers: tiers } = kind;
  if (limit !== null && typeof limit !== "number") return null;
  if (typeof confidence !== "number" || !Array.isArray(tiers) || !tiers.every(isTier)) return null;
  const alone = limit === null ? "always a person" : `alone up to ${moneyLabel(limit)}`;
  return `${alone} · ${Math.round(confidence * 100)}% sure · ${tiersLabel(tiers)}`;
}
