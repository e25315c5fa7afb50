import { MAPPING_LIMITS } from "./contract/limits.ts";
import { type ParsedPath, type PathKey, parsePath } from "./path.ts";
import { type MappingProblem, specPath } from "./problems.ts";

/** What compiling a spec carries along: the problems found, and how many `each` levels enclose the part compiled. */
export type CompileContext = { problems: MappingProblem[]; scopeDepth: number };

export function report(ctx: CompileContext, at: readonly PathKey[], message: string): void {
  ctx.problems.push({ path: specPath(at), message });
}

/** A path that names one value (no `[*]`), checked against where it is used. */
export function compileSinglePath(text: string, at: readonly PathKey[], ctx: CompileContext): ParsedPath | undefined {
  const parsed = compilePath(text, at, ctx);
  if (parsed?.hasEach) {
    report(ctx, at, `"${text}": [*] names many values; use it in an each (a collection or a record template), not here`);
    return undefined;
  }
  return parsed;
}

export function compilePath(text: string, at: readonly PathKey[], ctx: CompileContext): ParsedPath | undefined {
  const parsed = parsePath(text);
  if (!parsed.ok) {
    report(ctx, at, `"${text.slice(0, MAPPING_LIMITS.pathLength)}": ${parsed.message}`);
    return undefined;
  }
  if (parsed.value.anchor === "parent" && ctx.scopeDepth === 0) {
    report(ctx, at, `"${text}": ^ names the enclosing element, and there is none here (use $ for the payload's root)`);
    return undefined;
  }
  return parsed.value;
}
