import type { MappingSpec } from "../../mapping/index.ts";

/** A mapping shipped for an EDI set, over its view (`process/edi-view.ts`): the typed read, computed conveniences, the partner and envelope. */
export type EdiReadyMapping = { set: "850" | "856" | "810"; title: string; description: string; spec: MappingSpec };
