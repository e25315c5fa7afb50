import { type Ref, useId, useImperativeHandle, useRef } from "react";
import { CodeEditor, type CodeEditorHandle } from "../policies/code-editor.tsx";
import { TextBlock } from "./json-block.tsx";
import { CUSTOM_MAPPING_START, type MappingDraft, type MappingProblem } from "./mapping-draft.ts";
import { ProblemList } from "./problem-list.tsx";
import type { ReadyMapping } from "./source-queries.ts";

export type MappingEditorHandle = { focusProblem(problem: MappingProblem): void };

/**
 * How a source's payloads become records: one of the ready mappings (its example payload shown), or
 * the tenant's own as JSON in the code editor. Problems (the server's, at their path in the spec)
 * are marked on their lines and listed; each takes the caret to its line.
 */
export function MappingEditor({
  draft,
  onChange,
  readyMappings,
  problems,
  problemsTitle,
  ref,
}: {
  draft: MappingDraft;
  onChange: (draft: MappingDraft) => void;
  readyMappings: readonly ReadyMapping[];
  problems: readonly MappingProblem[];
  problemsTitle: string;
  ref?: Ref<MappingEditorHandle>;
}) {
  const id = useId();
  const editor = useRef<CodeEditorHandle>(null);
  const select = useRef<HTMLSelectElement>(null);
  // Going from one mode to the other and back keeps what each held.
  const lastText = useRef(draft.mode === "custom" ? draft.text : CUSTOM_MAPPING_START);
  const lastReady = useRef(draft.mode === "ready" ? draft.ready : (readyMappings[0]?.name ?? ""));
  const change = (next: MappingDraft) => {
    if (next.mode === "custom") lastText.current = next.text;
    else lastReady.current = next.ready;
    onChange(next);
  };
  const chosen = draft.mode === "ready" ? readyMappings.find((mapping) => mapping.name === draft.ready) : undefined;
  const focusProblem = (problem: MappingProblem) => {
    if (draft.mode === "ready") select.current?.focus();
    else if (problem.line !== null) editor.current?.goTo(problem.line);
  };
  useImperativeHandle(ref, () => ({ focusProblem }));
  const readyProblem = draft.mode === "ready" ? problems.map((problem) => problem.message).join("; ") : "";
  return (
    <fieldset className="mapping-editor" data-testid="mapping-editor">
      <legend className="field__label">Mapping</legend>
      <div className="mapping-editor__modes">
        <label className="checkbox">
          <input
            type="radio"
            name={`${id}-mode`}
            checked={draft.mode === "ready"}
            onChange={() => change({ mode: "ready", ready: lastReady.current || (readyMappings[0]?.name ?? "") })}
          />
          <span>A ready mapping</span>
        </label>
        <label className="checkbox">
          <input
            type="radio"
            name={`${id}-mode`}
            checked={draft.mode === "custom"}
            onChange={() => change({ mode: "custom", text: lastText.current })}
          />
          <span>My own mapping (JSON)</span>
        </label>
      </div>
      {draft.mode === "ready" ? (
        <>
          <label className="field">
            <span className="field__label">Ready mapping</span>
            <select
              ref={select}
              value={draft.ready}
              onChange={(event) => change({ mode: "ready", ready: event.target.value })}
              {...(readyProblem ? { "aria-invalid": true, "aria-describedby": `${id}-ready-error` } : {})}
            >
              {readyMappings.map((mapping) => (
                <option key={mapping.name} value={mapping.name}>
                  {mapping.title}
                </option>
              ))}
            </select>
            {readyProblem ? (
              <span id={`${id}-ready-error`} className="field__error" role="alert">
                {readyProblem}
              </span>
            ) : null}
          </label>
          {chosen ? (
            <div data-testid="ready-mapping">
              <p className="small">
                {chosen.description} <span className="muted mono">({chosen.name})</span>
              </p>
              <p className="field__label">An example payload it maps</p>
              <TextBlock label={`Example payload for ${chosen.title}`} text={JSON.stringify(chosen.example, null, 2)} />
            </div>
          ) : null}
        </>
      ) : (
        <>
          <p className="field__hint">
            A mapping names, for each record it makes, where each field is in the payload: paths like <code>customer.id</code> or{" "}
            <code>lines[*]</code>, value maps, units and date formats. The server checks it against the records when it is saved,
            and says where each problem is.
          </p>
          <CodeEditor
            id={`${id}-json`}
            label="Mapping (JSON)"
            ref={editor}
            value={draft.text}
            rows={18}
            problemLines={problems.flatMap((problem) => (problem.line === null ? [] : [problem.line]))}
            onChange={(text) => change({ mode: "custom", text })}
          />
        </>
      )}
      {draft.mode === "custom" ? (
        <ProblemList title={problemsTitle} problems={problems} onPick={focusProblem} testId="mapping-problems" />
      ) : null}
    </fieldset>
  );
}
