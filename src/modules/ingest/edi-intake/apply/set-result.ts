import type { WriteContext } from "../../../../platform/actor.ts";
import type { Database } from "../../../../platform/db/database.ts";
import type { Records } from "../../../records/index.ts";
import type { ProducedRecord, TradingPartner } from "../../contract/index.ts";
import type { X12Group, X12Interchange, X12TransactionSet } from "../../edi/index.ts";
import type { LocatedProblem } from "../process/locate-problem.ts";

/** What a set's handler gets: where the set came from, whose it is, and how to write records. */
export type SetContext = {
  db: Database;
  records: Records;
  /** The partner's source as the actor of the records written. */
  ctx: WriteContext;
  partner: TradingPartner;
  interchange: X12Interchange;
  group: X12Group;
  set: X12TransactionSet;
  clock: () => Date;
};

/**
 * A set's outcome. `rejected`: its content is wrong (the 997 rejects it with AK3/AK4; the partner
 * should correct and resend it). `held`: it was received well, but Crossdock cannot take it yet
 * (a partner setting missing, the order it changes not here yet): the 997 accepts it, and the
 * receipt waits in quarantine to be replayed once that is fixed. Neither writes anything.
 */
export type SetResult =
  | { status: "accepted"; records: ProducedRecord[] }
  | { status: "rejected" | "held"; stage: "parse" | "map" | "validate"; problems: LocatedProblem[] };

export const held = (stage: "map" | "validate", problems: LocatedProblem[]): SetResult => ({ status: "held", stage, problems });
export const rejected = (stage: "parse" | "map" | "validate", problems: LocatedProblem[]): SetResult => ({
  status: "rejected",
  stage,
  problems,
});
