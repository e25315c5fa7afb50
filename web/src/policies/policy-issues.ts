import { isApiError } from "../api/api-error.ts";
import { PolicyIssue } from "../contract.ts";

/**
 * The located problems in a refused save or test (422 `validation_failed`): each detail carries
 * its line, column, help and policy id besides path and message. Null for any other error.
 */
export function issuesOf(error: unknown): PolicyIssue[] | null {
  if (!isApiError(error) || error.status !== 422) return null;
  const issues = error.details.flatMap((detail) => {
    const parsed = PolicyIssue.safeParse({ line: null, column: null, help: null, policy_id: null, ...detail });
    return parsed.success ? [parsed.data] : [];
  });
  return issues.length > 0 ? issues : null;
}

/** "Line 3, column 7" for text; "Data line 4, column 2" for JSON that does not parse; the field path for other data. */
export function issuePlace(issue: PolicyIssue): string {
  if (issue.line === null) return issue.path;
  const where = `ine ${issue.line}${issue.column !== null ? `, column ${issue.column}` : ""}`;
  return isTextIssue(issue) ? `L${where}` : `Data l${where}`;
}

export const isTextIssue = (issue: PolicyIssue) => issue.path === "text";

/** Whether a problem is at `path` or under it ("data.kinds.order.hold.min_confidence" is within "data.kinds.order.hold"). */
export const issueWithin = (issue: { path: string }, path: string) => issue.path === path || issue.path.startsWith(`${path}.`);
