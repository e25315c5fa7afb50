import type { Random } from "../../random.ts";

/** What a customer negotiated beyond its prices: returns, delivery, escalation, rebates, service levels. */
export type CustomerTerms = {
  returns: {
    windowDays: number;
    openedCasesAccepted: boolean;
    /** A category whose opened cases are never taken back, even when others are. */
    sealedCategory: string | undefined;
    restockingFeePercent: number;
    /** Special-order (non-stock) items: never returnable, or returnable with approval at this fee. */
    specialOrderFeePercent: number | undefined;
    defectReportDays: number;
  };
  delivery: {
    orderCutoff: string;
    businessDays: number;
    freeFreightThreshold: number;
    smallOrderCharge: number;
    expediteFee: number;
  };
  escalation: { firmMonths: number; noticeDays: number; capPercent: number };
  term: { years: number; renewalMonths: number; nonRenewalNoticeDays: number; terminationNoticeDays: number };
  categoryDiscounts: { category: string; percent: number }[];
  rebate: { tiers: { threshold: number; percent: number }[]; paymentDays: number; form: "credit memo" | "check" } | undefined;
  serviceLevel: { fillRatePercent: number; reviews: "quarterly" | "semiannual" } | undefined;
  /** Which wording each clause uses, so agreements do not all read alike. */
  wording: number;
};

export function drawCustomerTerms(random: Random, keyAccount: boolean, categories: readonly string[]): CustomerTerms {
  const openedCasesAccepted = random.chance(0.55);
  const sealedPool = categories.filter((category) => /safety|janitor|glove|ppe|chemical/i.test(category));
  const discountCount = Math.min(categories.length, random.weighted([0, 1, 2], keyAccount ? [1, 3, 3] : [3, 3, 1]));
  const rebateBase = keyAccount ? random.pick([150_000, 200_000, 250_000]) : random.pick([50_000, 75_000, 100_000]);
  return {
    returns: {
      windowDays: random.weighted([30, 45, 60, 90], keyAccount ? [2, 3, 3, 1] : [4, 3, 2, 0]),
      openedCasesAccepted,
      sealedCategory: openedCasesAccepted && sealedPool.length > 0 && random.chance(0.6) ? random.pick(sealedPool) : undefined,
      restockingFeePercent: random.pick([10, 15, 20, 25]),
      specialOrderFeePercent: random.chance(0.35) ? random.pick([30, 35, 40]) : undefined,
      defectReportDays: random.pick([5, 10, 15]),
    },
    delivery: {
      orderCutoff: random.pick(["1:00 p.m.", "2:00 p.m.", "3:00 p.m.", "4:30 p.m."]),
      businessDays: keyAccount ? 1 : random.pick([1, 2]),
      freeFreightThreshold: keyAccount ? random.pick([250, 500]) : random.pick([500, 750, 1_000, 1_500]),
      smallOrderCharge: random.pick([15, 25, 35]),
      expediteFee: random.pick([35, 50, 65, 75, 95]),
    },
    escalation: {
      firmMonths: random.pick([3, 6, 9]),
      noticeDays: random.pick([30, 45, 60]),
      capPercent: random.pick([3, 4, 5, 6]),
    },
    term: {
      years: random.pick([2, 3]),
      renewalMonths: 12,
      nonRenewalNoticeDays: random.pick([60, 90]),
      terminationNoticeDays: random.pick([60, 90, 120]),
    },
    categoryDiscounts: random
      .sample(categories, discountCount)
      .map((category) => ({ category, percent: random.int(4, 14) }))
      .sort((a, b) => (a.category < b.category ? -1 : 1)),
    rebate: random.chance(keyAccount ? 0.7 : 0.2)
      ? {
          tiers: [
            { threshold: rebateBase, percent: 1 },
            { threshold: rebateBase * 2, percent: random.pick([1.5, 2]) },
            { threshold: rebateBase * 4, percent: random.pick([2.5, 3]) },
          ],
          paymentDays: random.pick([30, 45, 60]),
          form: random.pick(["credit memo", "check"] as const),
        }
      : undefined,
    serviceLevel: keyAccount
      ? { fillRatePercent: random.pick([95, 96, 97, 98]), reviews: random.pick(["quarterly", "semiannual"] as const) }
      : undefined,
    wording: random.int(0, 2),
  };
}
