import type { MappingProblem } from "./mapping-draft.ts";

/**
 * Problems at paths (in a mapping, or in a payload): each found in the text is a button that takes
 * the caret to its line; `title` says where they came from ("Not saved", "Why it is quarantined").
 */
export function ProblemList({
  title,
  problems,
  onPick,
  testId,
}: {
  title: string;
  problems: readonly MappingProblem[];
  onPick?: (problem: MappingProblem) => void;
  testId?: string;
}) {
  if (problems.length === 0) return null;
  return (
    <div className="policies-issues" role="alert" data-testid={testId}>
      <p className="policies-issues__title">
        {title}: {problems.length} {problems.length === 1 ? "problem" : "problems"}
      </p>
      <ul className="policies-issues__list">
        {problems.map((problem, index) => {
          const place = problem.path || "the whole of it";
          const text = (
            <>
              <span className="policies-issues__place mono">{place}</span>
              {problem.line !== null ? <span className="muted small"> (line {problem.line})</span> : null}: {problem.message}
            </>
          );
          return (
            // Problems have no id; the same place and message twice is one problem shown twice.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole, never reordered
            <li key={index}>
              {onPick && problem.line !== null ? (
                <button type="button" className="policies-issues__issue" onClick={() => onPick(problem)}>
                  {text}
                </button>
              ) : (
                <span className="policies-issues__issue">{text}</span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
