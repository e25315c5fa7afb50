import { type CompileContext, compileSinglePath, report } from "./compile-context.ts";
import { MAPPING_LIMITS } from "./contract/limits.ts";
import type { ConditionSpec, Scalar } from "./contract/mapping-spec.ts";
import { isMissing } from "./json-value.ts";
import { type PathKey, readPath, type Scope } from "./path.ts";

export type CompiledCondition = (scope: Scope) => boolean;

/** Payload values and expected values compare as text, so 850 and "850" are equal; null matches a missing value. */
function sameScalar(value: unknown, expected: Scalar): boolean {
  if (expected === null) return isMissing(value);
  if (value === null || typeof value === "object" || value === undefined) return false;
  return String(value) === String(expected);
}

export function compileCondition(
  spec: ConditionSpec,
  at: readonly PathKey[],
  ctx: CompileContext,
  nesting = 0,
): CompiledCondition | undefined {
  if (nesting > MAPPING_LIMITS.nesting) {
    report(ctx, at, `conditions may be nested at most ${MAPPING_LIMITS.nesting} deep`);
    return undefined;
  }
  const group = (key: "all" | "any", items: ConditionSpec[]) => {
    const compiled = items.map((item, index) => compileCondition(item, [...at, key, index], ctx, nesting + 1));
    return compiled.every((item) => item !== undefined) ? (compiled as CompiledCondition[]) : undefined;
  };
  if (spec.all) {
    const all = group("all", spec.all);
    return all && ((scope) => all.every((condition) => condition(scope)));
  }
  if (spec.any) {
    const any = group("any", spec.any);
    return any && ((scope) => any.some((condition) => condition(scope)));
  }
  if (spec.not) {
    const not = compileCondition(spec.not, [...at, "not"], ctx, nesting + 1);
    return not && ((scope) => !not(scope));
  }
  if (spec.path === undefined) return undefined;
  const path = compileSinglePath(spec.path, [...at, "path"], ctx);
  if (!path) return undefined;
  const read = (scope: Scope) => {
    const found = readPath(scope, path);
    return found.found ? found.value : undefined;
  };
  if (spec.exists !== undefined) {
    const exists = spec.exists;
    return (scope) => !isMissing(read(scope)) === exists;
  }
  if (spec.in !== undefined) {
    const options = spec.in;
    return (scope) => {
      const value = read(scope);
      return options.some((option) => sameScalar(value, option));
    };
  }
  if (Object.hasOwn(spec, "equals")) {
    const expected = spec.equals as Scalar;
    return (scope) => sameScalar(read(scope), expected);
  }
  return undefined;
}
