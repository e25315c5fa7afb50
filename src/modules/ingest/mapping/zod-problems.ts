import type { z } from "zod";
import type { PathKey } from "./path.ts";
import { closest, type MappingProblem, specPath } from "./problems.ts";

/** Every key the spec format uses, for "did you mean" on a misspelt one. */
const SPEC_KEYS = [
  "version",
  "description",
  "source_system",
  "unmatched",
  "records",
  "type",
  "name",
  "when",
  "each",
  "fields",
  "attributes",
  "collections",
  "required",
  "path",
  "const",
  "template",
  "join",
  "separator",
  "first",
  "position",
  "trim",
  "case",
  "map",
  "datetime",
  "multiply",
  "divide",
  "unit",
  "round",
  "default",
  "values",
  "fallback",
  "ignore_case",
  "format",
  "timezone",
  "from",
  "to",
  "equals",
  "in",
  "exists",
  "all",
  "any",
  "not",
];

type Issue = z.core.$ZodIssue;

function keysOf(path: readonly PropertyKey[]): PathKey[] {
  return path.map((key) => (typeof key === "number" ? key : String(key)));
}

/** The branch of a failed union that is about the input's own type (the object form of a value, not its text form). */
function closestBranch(branches: Issue[][]): Issue[] | undefined {
  const matching = branches.filter((issues) => !issues.some((issue) => issue.code === "invalid_type" && issue.path.length === 0));
  return matching.sort((a, b) => a.length - b.length)[0];
}

function valueAt(input: unknown, path: readonly PathKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PathKey, unknown>)[key];
  }
  return value;
}

function expand(issue: Issue, prefix: PathKey[], input: unknown, out: MappingProblem[]): void {
  const at = [...prefix, ...keysOf(issue.path)];
  if (issue.code === "invalid_union") {
    const branch = closestBranch(issue.errors);
    if (branch) {
      for (const inner of branch) expand(inner, at, input, out);
      return;
    }
    const expected = [
      ...new Set(
        issue.errors.flatMap((issues) => issues.flatMap((inner) => (inner.code === "invalid_type" ? [inner.expected] : []))),
      ),
    ];
    out.push({ path: specPath(at), message: expected.length > 0 ? `must be ${expected.join(" or ")}` : issue.message });
    return;
  }
  if (issue.code === "unrecognized_keys") {
    for (const key of issue.keys) {
      const close = closest(key, SPEC_KEYS);
      out.push({
        path: specPath([...at, key]),
        message: `is not a key of this part of a mapping${close.length > 0 ? ` (did you mean ${close.join(" or ")}?)` : ""}`,
      });
    }
    return;
  }
  if (issue.code !== "custom" && at.length > 0 && valueAt(input, at) === undefined) {
    out.push({ path: specPath(at), message: "is required" });
    return;
  }
  out.push({ path: specPath(at), message: issue.message });
}

/** Zod's issues on a spec as problems at their place in it, one per misspelt key, union branches resolved. */
export function zodProblems(issues: readonly Issue[], input: unknown): MappingProblem[] {
  const out: MappingProblem[] = [];
  for (const issue of issues) expand(issue, [], input, out);
  return out;
}
