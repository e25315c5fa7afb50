import { PolicyData, type PolicyIssue } from "../contract/index.ts";

export type DataResult = { ok: true; data: PolicyData } | { ok: false; issues: PolicyIssue[] };

const issue = (path: string, message: string): PolicyIssue => ({
  path,
  message,
  line: null,
  column: null,
  help: null,
  policy_id: null,
});

/** Policy data checked field by field; each problem names its path ("data.kinds.order.hold.min_confidence"). */
export function parsePolicyData(value: unknown): DataResult {
  const parsed = PolicyData.safeParse(value);
  if (parsed.success) return { ok: true, data: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.flatMap((found) => {
      const at = ["data", ...found.path.map(String)];
      if (found.code === "unrecognized_keys") {
        return found.keys.map((key) => issue([...at, key].join("."), `unknown field "${key}"`));
      }
      return [issue(at.join("."), found.message)];
    }),
  };
}
