export { applyMapping, type MappedRecord } from "./apply-mapping.ts";
export { type CompiledMapping, compileMapping } from "./compile-mapping.ts";
export { MappingSpec } from "./contract/mapping-spec.ts";
export type { MappingProblem } from "./problems.ts";
export { READY_MAPPINGS } from "./ready/index.ts";
