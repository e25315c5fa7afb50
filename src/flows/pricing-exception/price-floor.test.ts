import { describe, expect, it } from "vitest";
import type { PriceAgreement } from "../../modules/records/index.ts";
import { priceFloor } from "./price-floor.ts";

const agreement = (over: Partial<PriceAgreement>) =>
  ({
    contract_price: "9.00",
    valid_from: "2026-01-01",
    valid_to: null,
    status: "active",
    agreement_number: "PA-1",
    external_id: "PA-1",
    ...over,
  }) as PriceAgreement;

describe("priceFloor", () => {
  it("is the contract price when one is in force", () => {
    expect(priceFloor({ standard_cost: "8.00", sku: "X" }, [agreement({})], "2026-12-01")).toMatchObject({
      floor_minor: 900,
      basis: "contract",
    });
  });

  it("ignores agreements out of their dates or cancelled, falling back to cost plus margin", () => {
    const old = agreement({ valid_to: "2025-12-31" });
    const cancelled = agreement({ status: "cancelled" });
    expect(priceFloor({ standard_cost: "8.00", sku: "X" }, [old, cancelled], "2026-12-01")).toMatchObject({
      floor_minor: 880,
      basis: "cost_plus_margin",
    });
  });

  it("has no floor for an item without a cost", () => {
    expect(priceFloor({ standard_cost: null, sku: "X" }, [], "2026-12-01")).toMatchObject({ floor_minor: 0, basis: "none" });
  });
});
