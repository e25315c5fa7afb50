import type { PolicyIssue } from "../contract.ts";
import { issuePlace, isTextIssue } from "./policy-issues.ts";
import { thresholdPlace } from "./threshold-place.ts";

/**
 * The problems found in policy text or data, each a button that takes the caret (or the focus) to
 * where it is; a threshold's problem is named as the form names it, with its path in the data.
 * `title` says where they came from ("Validation", "Not saved").
 */
export function PolicyIssueList({
  title,
  issues,
  onPick,
}: {
  title: string;
  issues: readonly PolicyIssue[];
  onPick: (issue: PolicyIssue) => void;
}) {
  return (
    <div className="policies-issues" role="alert" data-testid="policy-issues">
      <p className="policies-issues__title">
        {title}: {issues.length} {issues.length === 1 ? "problem" : "problems"}
      </p>
      <ul className="policies-issues__list">
        {issues.map((issue, index) => {
          const field = isTextIssue(issue) || issue.line !== null ? null : thresholdPlace(issue.path);
          return (
            // Issues have no id; the same place and message twice is one problem shown twice.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole, never reordered
            <li key={index}>
              <button type="button" className="policies-issues__issue" onClick={() => onPick(issue)}>
                <span className="policies-issues__place">{field ?? issuePlace(issue)}</span>
                {issue.policy_id ? <span className="mono small"> ({issue.policy_id})</span> : null}: {issue.message}
                {field ? <span className="policies-issues__path">{issue.path}</span> : null}
              </button>
              {issue.help ? <div className="policies-issues__help">{issue.help}</div> : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
