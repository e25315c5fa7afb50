import { ACTION_KINDS, type ActionKind, type KindPolicy, type PolicyData } from "../contract/index.ts";

/** The tenant's thresholds for one kind of write: its own entry, else the data's default. */
export function thresholdsFor(data: PolicyData, kind: ActionKind): KindPolicy {
  return data.kinds[kind] ?? data.default;
}

/**
 * The role that approves this amount: the first tier whose maximum covers it. Without an amount,
 * a write that moves money goes to the most senior tier and any other write to the first; null
 * when the amount is beyond every tier.
 */
export function approverRoleFor(thresholds: KindPolicy, kind: ActionKind, amountMinor: number | undefined): string | null {
  const tiers = thresholds.approver_tiers;
  if (amountMinor === undefined) return (ACTION_KINDS[kind].carries_money ? tiers.at(-1) : tiers[0])?.role ?? null;
  return tiers.find((tier) => tier.max_minor === null || amountMinor <= tier.max_minor)?.role ?? null;
}

/** Confidence compared in whole percent, as the policies see it. */
export const percent = (fraction: number) => Math.round(fraction * 100);
