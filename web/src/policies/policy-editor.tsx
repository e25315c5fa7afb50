import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import type { PolicyIssue, PolicySet } from "../contract.ts";
import { ErrorBanner } from "../ui/error-banner.tsx";
import { CodeEditor, type CodeEditorHandle } from "./code-editor.tsx";
import { lineOfJsonPath } from "./json-path-line.ts";
import { changesFrom, draftOf, type EditorDraft, parseDraft } from "./policy-draft.ts";
import { PolicyIssueList } from "./policy-issue-list.tsx";
import { issuesOf, isTextIssue } from "./policy-issues.ts";
import { savePolicies, validatePolicies } from "./policy-queries.ts";
import { ThresholdsTable } from "./thresholds-table.tsx";

type Found = { title: string; issues: PolicyIssue[] };

/**
 * Edits one policy set (a tenant's, or a partner's defaults): the Cedar text and the threshold
 * data, checked by the server on "Validate" and on "Save"; each problem is listed beside the text
 * and takes the caret to its line. Only what changed is saved, as a new version.
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
  const [found, setFound] = useState<Found | null>(null);
  const [checkedOk, setCheckedOk] = useState(false);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const [dataOpen, setDataOpen] = useState(false);
  const parsed = parseDraft(draft);
  const changes = parsed.ok ? changesFrom(parsed.value, saved) : null;
  const changed = changes === null || Object.keys(changes).length > 0;

  const report = (next: Found | null) => {
    setFound(next);
    setCheckedOk(false);
    setSavedVersion(null);
    if (next?.issues.some((issue) => !isTextIssue(issue))) setDataOpen(true);
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

  const check = () => {
    if (!parsed.ok) return report({ title: "Validation", issues: [parsed.issue] });
    validate.mutate(parsed.value);
  };
  const submit = () => {
    if (!parsed.ok) return report({ title: "Not saved", issues: [parsed.issue] });
    if (changes && Object.keys(changes).length > 0) save.mutate(changes);
  };
  const pick = (issue: PolicyIssue) => {
    const line = lineOf(issue);
    if (line === null) return;
    if (isTextIssue(issue)) return textEditor.current?.goTo(line, issue.column);
    setDataOpen(true);
    // The data editor may have been folded away: go there once it is open.
    requestAnimationFrame(() => dataEditor.current?.goTo(line, issue.column));
  };
  const lines = (text: boolean) =>
    (found?.issues ?? []).flatMap((issue) => {
      const line = isTextIssue(issue) === text ? lineOf(issue) : null;
      return line === null ? [] : [line];
    });
  const ids = { text: `${testId}-text`, data: `${testId}-data` };
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
          <details className="policies-form__data" open={dataOpen} onToggle={(event) => setDataOpen(event.currentTarget.open)}>
            <summary>Threshold data (JSON): limits, confidence, approver tiers, blocked customer tiers</summary>
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
          </details>
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
      {parsed.ok ? <ThresholdsTable data={parsed.value.data} /> : null}
    </div>
  );
}
