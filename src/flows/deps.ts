import type { Actions } from "../modules/actions/index.ts";
import type { Records } from "../modules/records/index.ts";

/** What every flow's stages get as `run.deps`: the records to read, and the governed way to write. */
export type FlowDeps = {
  records: Records;
  actions: Actions;
};
