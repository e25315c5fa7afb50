import { useRef, useState } from "react";
import { ACTION_KINDS, type ActionKind, type PolicyIssue } from "../contract.ts";
import { fieldErrorsOf, fieldOf } from "../settings-workflows/field-errors.tsx";
import { useApproverRoleChoices } from "./approver-role-choices.ts";
import { KindThresholdsFields } from "./kind-thresholds-fields.tsx";
import { issueWithin, isTextIssue } from "./policy-issues.ts";
import { addKind, isRecord, kindsToAdd, removeKind, type ThresholdRow, thresholdRows, tiersOf } from "./threshold-edits.ts";
import { thresholdProblems } from "./threshold-problems.ts";

/** Every path in the data the form has a place for, for problems to be shown at (the closest one). */
const fieldPaths = (rows: ThresholdRow[]): string[] =>
  rows.flatMap(({ path, value }) => [
    path,
    `${path}.auto_approve_max_minor`,
    `${path}.min_confidence`,
    `${path}.deny_customer_tiers`,
    `${path}.approval_item_classes`,
    `${path}.approver_tiers`,
    ...tiersOf(value).flatMap((_tier, index) => [
      `${path}.approver_tiers.${index}.role`,
      `${path}.approver_tiers.${index}.max_minor`,
    ]),
  ]);

/** Focuses the form's field closest to a problem's path; false when the form shows no place for it. */
export function focusThresholdField(form: HTMLElement | null, path: string): boolean {
  const elements = [...(form?.querySelectorAll<HTMLElement>("[data-policy-path]") ?? [])];
  const closest = fieldOf(
    path,
    elements.map((element) => element.dataset.policyPath ?? ""),
  );
  const element = elements.find((candidate) => candidate.dataset.policyPath === closest);
  if (!element) return false;
  // A kind's fields are folded away until opened.
  const folded = element.closest("details");
  if (folded) folded.open = true;
  element.focus({ preventScroll: true });
  element.scrollIntoView({ block: "center" });
  return true;
}

/**
 * The threshold data of a draft as form fields: per kind of write (and the default) the limit
 * without a person, the confidence, who approves by amount, the customer tiers never served and
 * the item classes always put to a person; kinds added and removed. Every edit is written into the
 * draft's data at once (the JSON shows it); problems show at their field — found here as they are
 * typed, or named by the server's validation.
 */
export function ThresholdsForm({
  data,
  issues,
  onChange,
}: {
  data: unknown;
  /** The problems the last Validate or Save reported. */
  issues: readonly PolicyIssue[];
  /** The new data, and the path that was edited (its reported problems no longer hold). */
  onChange: (data: unknown, path: string) => void;
}) {
  const roles = useApproverRoleChoices();
  const form = useRef<HTMLDivElement>(null);
  const [adding, setAdding] = useState<ActionKind | "">("");
  if (!isRecord(data)) {
    return <p className="field__error">The threshold data is not an object: correct it with “Edit as JSON”.</p>;
  }
  const rows = thresholdRows(data);
  const paths = fieldPaths(rows);
  const problems = thresholdProblems(data);
  const reportedIssues = issues.filter((issue) => !isTextIssue(issue));
  const found = fieldErrorsOf(problems, paths);
  const reported = fieldErrorsOf(reportedIssues, paths);
  const problemsAt = (path: string) => [...problems, ...reportedIssues].filter((issue) => issueWithin(issue, path)).length;
  const errorAt = (path: string) => found.at(path) ?? reported.at(path);
  const edit = (change: (data: unknown) => unknown, path: string) => onChange(change(data), path);
  const missing = kindsToAdd(data);
  const choice = adding !== "" && missing.includes(adding) ? adding : missing[0];
  const add = (name: ActionKind) => {
    const path = `data.kinds.${name}`;
    onChange(addKind(data, name), path);
    // Take the person to the new kind's fields once they are there.
    requestAnimationFrame(() => focusThresholdField(form.current, `${path}.auto_approve_max_minor`));
  };
  return (
    <div className="thresholds-form" data-testid="policy-thresholds-form" ref={form}>
      <ul className="field__hint thresholds-form__help">
        <li>
          <strong>Without a person up to</strong>: the largest amount of a write done without a person, in the write's currency
          (5000.00); blank: never without a person.
        </li>
        <li>
          <strong>Min. confidence</strong>: in percent (0 to 100), compared in whole percent; below it a person decides.
        </li>
        <li>
          <strong>Approved by</strong>: the first tier whose amount covers the write names who approves it; a blank amount on the
          last tier covers any amount, otherwise larger writes are refused.
        </li>
        <li>Customer tiers and item classes are comma-separated names. A kind of write not listed uses “Every other kind”.</li>
      </ul>
      {rows.map((row) => (
        <KindThresholdsFields
          key={row.key}
          row={row}
          roles={roles}
          problems={problemsAt(row.path)}
          initiallyOpen={row.key === "default"}
          errorAt={errorAt}
          onEdit={edit}
          onRemove={row.key === "default" ? undefined : () => onChange(removeKind(data, row.key), row.path)}
        />
      ))}
      {choice ? (
        <div className="thresholds-form__add">
          <label className="field field--inline">
            <span className="field__label">Thresholds of its own for</span>
            <select value={choice} onChange={(event) => setAdding(event.target.value as ActionKind)}>
              {missing.map((name) => (
                <option key={name} value={name}>
                  {ACTION_KINDS[name].label} ({name})
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button button--small" onClick={() => add(choice)}>
            Add kind
          </button>
        </div>
      ) : (
        <p className="muted small">Every kind of write has thresholds of its own.</p>
      )}
    </div>
  );
}
