import type { MappingSpec } from "../contract/mapping-spec.ts";

/** A mapping shipped with Crossdock, chosen by name for a source, with a payload it maps cleanly. */
export type ReadyMapping = { title: string; description: string; spec: MappingSpec; example: unknown };
