import { AppError } from "../../../platform/errors.ts";
import { type CompiledMapping, compileMapping, READY_MAPPINGS } from "../mapping/index.ts";

/**
 * A source's mapping compiled: a ready one by name, or the tenant's own spec. A bad one is refused
 * with each problem at its place (`mapping.<path>`), so the console can show it beside the field.
 */
export function compileSourceMapping(mapping: Record<string, unknown>): CompiledMapping {
  const ready = typeof mapping.ready === "string" && Object.keys(mapping).length === 1 ? mapping.ready : undefined;
  if (ready !== undefined) {
    const found = READY_MAPPINGS[ready];
    if (!found) {
      throw new AppError("validation_failed", `There is no ready mapping "${ready}"`, {
        details: [{ path: "mapping.ready", message: `one of: ${Object.keys(READY_MAPPINGS).join(", ")}` }],
      });
    }
    return compileOrThrow(found.spec, "mapping");
  }
  return compileOrThrow(mapping, "mapping");
}

function compileOrThrow(spec: unknown, at: string): CompiledMapping {
  const compiled = compileMapping(spec);
  if (compiled.ok) return compiled.mapping;
  throw new AppError("validation_failed", "The mapping cannot be used", {
    details: compiled.problems.map((problem) => ({
      path: problem.path ? `${at}.${problem.path}` : at,
      message: problem.message,
    })),
  });
}
