import type { Random } from "../../random.ts";

/** What the distributor negotiated with a supplier beyond what the supplier record holds. */
export type SupplierTerms = {
  years: number;
  acknowledgeBusinessDays: number;
  onTimeTargetPercent: number;
  late: { graceDays: number; penaltyPercent: number; capPercent: number; cancelDays: number };
  prices: { firmMonths: number; increaseNoticeDays: number; decreaseLookbackDays: number };
  rebate: { tiers: { threshold: number; percent: number }[]; paymentDays: number; form: "credit memo" | "check" } | undefined;
  stockRotation: {
    allowancePercent: number;
    period: "calendar year" | "calendar half-year";
    restockingFeePercent: number;
    rgaBusinessDays: number;
  };
  wording: number;
};

export function drawSupplierTerms(random: Random): SupplierTerms {
  const rebateBase = random.pick([50_000, 100_000, 250_000]);
  return {
    years: random.pick([2, 3]),
    acknowledgeBusinessDays: random.pick([1, 2]),
    onTimeTargetPercent: random.pick([95, 96, 97, 98]),
    late: {
      graceDays: random.pick([2, 3, 5]),
      penaltyPercent: random.pick([1, 2, 3]),
      capPercent: random.pick([10, 15]),
      cancelDays: random.pick([14, 21, 30]),
    },
    prices: {
      firmMonths: random.pick([6, 12]),
      increaseNoticeDays: random.pick([30, 60, 90]),
      decreaseLookbackDays: random.pick([60, 90]),
    },
    rebate: random.chance(0.7)
      ? {
          tiers: [
            { threshold: rebateBase, percent: random.pick([1, 1.5]) },
            { threshold: rebateBase * 2, percent: random.pick([2, 2.5]) },
            { threshold: rebateBase * 4, percent: random.pick([3, 4]) },
          ],
          paymentDays: random.pick([30, 45, 60]),
          form: random.pick(["credit memo", "check"] as const),
        }
      : undefined,
    stockRotation: {
      allowancePercent: random.pick([5, 8, 10]),
      period: random.pick(["calendar year", "calendar half-year"] as const),
      restockingFeePercent: random.pick([0, 10, 15]),
      rgaBusinessDays: random.pick([3, 5]),
    },
    wording: random.int(0, 2),
  };
}
