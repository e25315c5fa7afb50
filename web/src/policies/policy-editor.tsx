import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import type { PolicyIssue, PolicySet } from "../contract.ts";
import { ErrorBanner } from "../ui/error-banner.tsx";
import { CodeEditor, type CodeEditorHandle } from "./code-editor.tsx";
import { lineOfJsonPath } from "./json-path-line.ts";
import { changesFrom, dataJson, draftOf, type EditorDraft, parseDraft } from "./policy-draft.ts";
import { PolicyIssueList } from "./policy-issue-list.tsx";
import { issuesOf, issueWithin, isTextIssue } from "./policy-issues.ts";
import { savePolicies, validatePolicies } from "./policy-queries.ts";
import { thresholdProblems } from "./threshold-problems.ts";
import { focusThresholdField, ThresholdsForm } from "./thresholds-form.tsx";
import { ThresholdsTable } from "./thresholds-table.tsx";

type Found = { title: string; issues: PolicyIssue[] };

/**
 * Edits one policy set (a tenant's, or a partner's defaults): the Cedar text and the threshold
 * data — as form fields, or as JSON — checked by the server on "Validate" and on "Save" (after the
 * form's own checks); each problem is listed beside the text and takes the caret to its line, or
 * the focus to its field. Only what changed is saved, as a new version.
 */
export function PolicyEditor({
  owner,
  saved,
  draft,
  onDraftChange,
  editable,
  testId,
}: {
  owner: "tenant" | "partner";
  saved: PolicySet;
  draft: EditorDraft;
  onDraftChange: (draft: EditorDraft) => void;
  editable: boolean;
  testId: string;
}) {
  const queryClient = useQueryClient();
  const textEditor = useRef<CodeEditorHandle>(null);
  const dataEditor = useRef<CodeEditorHandle>(null);
  const thresholds = useRef<HTMLElement>(null);
  const [found, setFound] = useState<Found | null>(null);
  const [checkedOk, setCheckedOk] = useState(false);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  // The thresholds as fields (a table for those who may not save), or as JSON.
  const [dataView, setDataView] = useState<"fields" | "json">("fields");
  const parsed = parseDraft(draft);
  const changes = parsed.ok ? changesFrom(parsed.value, saved) : null;
  const changed = changes === null || Object.keys(changes).length > 0;

  const report = (next: Found | null) => {
    setFound(next);
    setCheckedOk(false);
    setSavedVersion(null);
    // JSON that does not parse is corrected as JSON.
    if (next?.issues.some((issue) => !isTextIssue(issue) && issue.line !== null)) setDataView("json");
  };
  /** An edit in the thresholds form: into the draft's data, and the problems reported at that field are gone. */
  const editData = (data: unknown, path: string) => {
    onDraftChange({ ...draft, data: dataJson(data) });
    setCheckedOk(false);
    setFound((current) => {
      const issues = current?.issues.filter((issue) => !issueWithin(issue, path)) ?? [];
      return current && issues.length > 0 ? { ...current, issues } : null;
    });
  };
  /** Where an issue is: a line of the text, or of the data's JSON (found from its path when not given). */
  const lineOf = (issue: PolicyIssue): number | null =>
    isTextIssue(issue) ? issue.line : (issue.line ?? lineOfJsonPath(draft.data, issue.path));
  const validate = useMutation({
    mutationFn: validatePolicies,
    onSuccess: (result) => {
      report(result.ok ? null : { title: "Validation", issues: result.errors });
      setCheckedOk(result.ok);
    },
  });
  const save = useMutation({
    mutationFn: (changes: Parameters<typeof savePolicies>[1]) => savePolicies(owner, changes),
    onSuccess: async (set) => {
      report(null);
      setSavedVersion(set.version);
      onDraftChange(draftOf(set));
      // A partner's defaults may be what its tenants have in force.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ["policies"] }),
        owner === "partner" ? queryClient.invalidateQueries({ queryKey: ["partner-policies"] }) : null,
      ]);
    },
    onError: (error) => {
      const issues = issuesOf(error);
      report(issues ? { title: "Not saved", issues } : null);
    },
  });

  // What is wrong is said before asking the server: JSON that does not parse, or thresholds the form names in its terms.
  const check = () => {
    if (!parsed.ok) return report({ title: "Validation", issues: [parsed.issue] });
    const problems = thresholdProblems(parsed.value.data);
    if (problems.length > 0) return report({ title: "Validation", issues: problems });
    validate.mutate(parsed.value);
  };
  const submit = () => {
    if (!parsed.ok) return report({ title: "Not saved", issues: [parsed.issue] });
    const problems = thresholdProblems(parsed.value.data);
    if (problems.length > 0) return report({ title: "Not saved", issues: problems });
    if (changes && Object.keys(changes).length > 0) save.mutate(changes);
  };
  const pick = (issue: PolicyIssue) => {
    const line = lineOf(issue);
    if (isTextIssue(issue)) return line === null ? undefined : textEditor.current?.goTo(line, issue.column);
    if (dataView === "fields" && editable && focusThresholdField(thresholds.current, issue.path)) return;
    setDataView("json");
    // The data editor may not be shown yet: go there once it is.
    if (line !== null) requestAnimationFrame(() => dataEditor.current?.goTo(line, issue.column));
  };
  const lines = (text: boolean) =>
    (found?.issues ?? []).flatMap((issue) => {
      const line = isTextIssue(issue) === text ? lineOf(issue) : null;
      return line === null ? [] : [line];
    });
  const ids = { text: `${testId}-text`, data: `${testId}-data`, thresholds: `${testId}-thresholds` };
  return (
    <div data-testid={testId}>
      <div className="policies-form">
        <div className="policies-form__main">
          <label className="field__label" htmlFor={ids.text}>
            Cedar policies
          </label>
          <CodeEditor
            id={ids.text}
            label="Cedar policies"
            ref={textEditor}
            value={draft.text}
            readOnly={!editable}
            problemLines={lines(true)}
            onChange={(text) => onDraftChange({ ...draft, text })}
          />
          <section className="policies-data" aria-labelledby={ids.thresholds} ref={thresholds}>
            <div className="policies-data__head">
              <h3 id={ids.thresholds} className="policies-data__title">
                Thresholds
              </h3>
              <button
                type="button"
                className="button button--small"
                aria-pressed={dataView === "json"}
                onClick={() => setDataView(dataView === "json" ? "fields" : "json")}
              >
                {editable ? "Edit as JSON" : "Show as JSON"}
              </button>
            </div>
            {/* Both stay mounted, so going back and forth keeps what each shows (kinds opened, the caret). */}
            <div hidden={dataView !== "json"}>
              <p className="field__hint">
                Amounts are in minor units (cents); <code>null</code> as a limit means never without a person. A kind of write not
                listed under <code>kinds</code> uses <code>default</code>.
              </p>
              <CodeEditor
                id={ids.data}
                label="Threshold data (JSON)"
                ref={dataEditor}
                value={draft.data}
                rows={16}
                readOnly={!editable}
                problemLines={lines(false)}
                onChange={(data) => onDraftChange({ ...draft, data })}
              />
            </div>
            {editable ? (
              <div hidden={dataView !== "fields"}>
                {parsed.ok ? (
                  <ThresholdsForm data={parsed.value.data} issues={found?.issues ?? []} onChange={editData} />
                ) : (
                  <p className="field__error">The threshold data is not valid JSON: correct it with “Edit as JSON”.</p>
                )}
              </div>
            ) : dataView === "fields" ? (
              <p className="field__hint">Listed per kind of write in the table below.</p>
            ) : null}
          </section>
        </div>
        <aside className="policies-form__side" aria-label="Checks">
          <div className="form-actions policies-form__actions">
            <button type="button" className="button" disabled={validate.isPending} onClick={check}>
              {validate.isPending ? "Validating…" : "Validate"}
            </button>
            {editable ? (
              <>
                <button type="button" className="button button--primary" disabled={save.isPending || !changed} onClick={submit}>
                  {save.isPending ? "Saving…" : "Save"}
                </button>
                <button
                  type="button"
                  className="button"
                  disabled={!changed}
                  onClick={() => {
                    report(null);
                    onDraftChange(draftOf(saved));
                  }}
                >
                  Discard changes
                </button>
              </>
            ) : null}
          </div>
          {changed ? <p className="small muted">Unsaved changes.</p> : null}
          {checkedOk ? (
            <p className="banner banner--good" role="status">
              No problems found.
            </p>
          ) : null}
          {savedVersion !== null ? (
            <p className="banner banner--good" role="status">
              Saved as version {savedVersion}. It is in force now.
            </p>
          ) : null}
          {found ? <PolicyIssueList title={found.title} issues={found.issues} onPick={pick} /> : null}
          <ErrorBanner error={validate.error ?? (issuesOf(save.error) ? null : save.error)} />
        </aside>
      </div>
      {parsed.ok && (dataView === "json" || !editable) ? <ThresholdsTable data={parsed.value.data} /> : null}
    </div>
  );
}
