import type { Random } from "../../random.ts";
import type { PathRegistry } from "../paths.ts";
import type { Volume } from "../volume.ts";
import type { WorldIndex } from "../world-index.ts";

/** What every kind of document is generated from. */
export type KindContext = {
  index: WorldIndex;
  volume: Volume;
  paths: PathRegistry;
  /** This kind's own stream. */
  random: Random;
  /**
   * Habits of trading partners shared by every kind (a customer's buyer, the distributor's account
   * number at a supplier, a partner's EDI id), forked by partner so documents agree with each other.
   */
  partners: Random;
};
