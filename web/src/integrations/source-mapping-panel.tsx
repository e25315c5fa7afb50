import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import type { Source } from "../contract.ts";
import { CodeEditor } from "../policies/code-editor.tsx";
import { FormErrorBanner, fieldErrors } from "../settings-workflows/field-errors.tsx";
import { ErrorBanner } from "../ui/error-banner.tsx";
import { TextBlock } from "./json-block.tsx";
import { draftOfMapping, type MappingDraft, type MappingProblem, mappingOfDraft, readyName } from "./mapping-draft.ts";
import { MappingEditor, type MappingEditorHandle } from "./mapping-editor.tsx";
import { mappingProblemsOf } from "./mapping-problems.ts";
import { MappingTrial } from "./mapping-trial.tsx";
import { type ReadyMapping, readyMappingsQuery, updateSource } from "./source-queries.ts";

/** The example payload of the ready mapping a mapping names, if it names one. */
const exampleOf = (ready: readonly ReadyMapping[], name: string | null): unknown =>
  name === null ? undefined : ready.find((mapping) => mapping.name === name)?.example;

/**
 * A source's mapping: the ready mapping it names (with its example) or its own JSON; for those who
 * may change it, an editor whose problems the server reports at their place in the spec.
 */
export function SourceMappingPanel({ source, editable }: { source: Source; editable: boolean }) {
  const queryClient = useQueryClient();
  const mappings = useQuery(readyMappingsQuery);
  const editor = useRef<MappingEditorHandle>(null);
  const [draft, setDraft] = useState<MappingDraft | null>(null);
  const [local, setLocal] = useState<MappingProblem | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (mapping: Record<string, unknown>) => updateSource(source.id, { mapping }),
    onSuccess: async () => {
      setDraft(null);
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: ["ingest", "sources"] });
    },
  });
  const ready = readyName(source.mapping);
  const readyMapping = ready === null ? undefined : mappings.data?.data.find((mapping) => mapping.name === ready);
  const errors = fieldErrors(save.error, ["mapping"]);
  const draftMapping = draft === null ? null : mappingOfDraft(draft);
  const draftReady = draftMapping?.ok ? readyName(draftMapping.mapping) : null;
  return (
    <section className="panel" aria-labelledby="mapping-title" data-testid="source-mapping">
      <div className="panel__head">
        <h2 id="mapping-title" className="panel__title">
          Mapping
        </h2>
        {editable && draft === null ? (
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setDraft(draftOfMapping(source.mapping));
              setSaved(false);
              save.reset();
            }}
          >
            Edit mapping
          </button>
        ) : null}
      </div>
      {saved ? (
        <p className="banner banner--good" role="status">
          Mapping saved. Payloads processed from now on use it; replay quarantined ones to send them through it.
        </p>
      ) : null}
      {draft !== null && mappings.data ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const parsed = mappingOfDraft(draft);
            if (!parsed.ok) {
              setLocal(parsed.problem);
              save.reset();
              editor.current?.focusProblem(parsed.problem);
              return;
            }
            setLocal(null);
            save.mutate(parsed.mapping);
          }}
        >
          <FormErrorBanner error={save.error} errors={errors} title="Not saved" />
          <MappingEditor
            ref={editor}
            draft={draft}
            onChange={(next) => {
              setDraft(next);
              setLocal(null);
            }}
            readyMappings={mappings.data.data}
            problems={local ? [local] : mappingProblemsOf(save.error, draft)}
            problemsTitle="Not saved"
          />
          <MappingTrial
            mapping={() => {
              const parsed = mappingOfDraft(draft);
              return parsed.ok
                ? { mapping: parsed.mapping }
                : { problem: `The mapping does not read: ${parsed.problem.message}` };
            }}
            sourceSystem={source.source_system}
            example={exampleOf(mappings.data.data, draftReady) ?? readyMapping?.example}
          />
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={save.isPending}>
              {save.isPending ? "Saving…" : "Save mapping"}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setDraft(null);
                setLocal(null);
                save.reset();
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : ready !== null ? (
        <div data-testid="ready-mapping">
          <p>
            Ready mapping <strong>{readyMapping?.title ?? ready}</strong> <span className="mono small muted">({ready})</span>
          </p>
          {readyMapping ? (
            <>
              <p className="small">{readyMapping.description}</p>
              <details>
                <summary>An example payload it maps</summary>
                <TextBlock label="Example payload" text={JSON.stringify(readyMapping.example, null, 2)} />
              </details>
            </>
          ) : null}
        </div>
      ) : (
        <CodeEditor
          id={`mapping-${source.id}`}
          label="Mapping (JSON), read only"
          value={JSON.stringify(source.mapping, null, 2)}
          onChange={() => undefined}
          readOnly
          rows={14}
        />
      )}
      {draft === null ? (
        <MappingTrial
          mapping={() => ({ source: source.id })}
          sourceSystem={source.source_system}
          example={readyMapping?.example}
        />
      ) : null}
      <ErrorBanner error={mappings.error} />
    </section>
  );
}
