import type { Random } from "../random.ts";
import type { DemoCompany } from "../world.ts";
import { signerName } from "./people.ts";
import type { KnowledgeSizes } from "./scale.ts";
import type { WorldIndex } from "./world-index.ts";

/** What every document builder reads: the indexed world, the sizes for its scale, and who signs for the distributor. */
export type KnowledgeContext = {
  index: WorldIndex;
  company: DemoCompany;
  sizes: KnowledgeSizes;
  people: DistributorPeople;
};

export type DistributorPeople = {
  /** Signs customer agreements and owns the pricing policy. */
  salesVp: string;
  /** Signs supplier agreements. */
  purchasingDirector: string;
  /** Owns the standard operating procedures. */
  operationsDirector: string;
  creditManager: string;
  hazmatCoordinator: string;
};

export function drawPeople(random: Random): DistributorPeople {
  const taken = new Set<string>();
  const next = () => {
    for (;;) {
      const name = signerName(random);
      if (!taken.has(name)) {
        taken.add(name);
        return name;
      }
    }
  };
  return {
    salesVp: next(),
    purchasingDirector: next(),
    operationsDirector: next(),
    creditManager: next(),
    hazmatCoordinator: next(),
  };
}
