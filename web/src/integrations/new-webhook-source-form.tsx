import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useRef, useState } from "react";
import type { SourceSystemKind, SourceWithSecret } from "../contract.ts";
import { FieldError, FormErrorBanner, fieldErrors, invalidProps } from "../settings-workflows/field-errors.tsx";
import { TextField } from "../settings-workflows/text-field.tsx";
import { ErrorBanner } from "../ui/error-banner.tsx";
import { Loading } from "../ui/loading.tsx";
import { type MappingDraft, type MappingProblem, mappingOfDraft } from "./mapping-draft.ts";
import { MappingEditor, type MappingEditorHandle } from "./mapping-editor.tsx";
import { mappingProblemsOf } from "./mapping-problems.ts";
import { createSource, readyMappingsQuery } from "./source-queries.ts";
import { SYSTEM_KINDS, SYSTEM_LABELS } from "./system-labels.ts";

const PATHS = ["name", "system", "source_system", "mapping"];

/** A webhook source: its name, the kind of system, where its records are kept, and its mapping. */
export function NewWebhookSourceForm({ onCreated }: { onCreated: (source: SourceWithSecret) => void }) {
  const queryClient = useQueryClient();
  const mappings = useQuery(readyMappingsQuery);
  const systemId = useId();
  const editor = useRef<MappingEditorHandle>(null);
  const [name, setName] = useState("");
  const [system, setSystem] = useState<SourceSystemKind>("erp");
  const [sourceSystem, setSourceSystem] = useState("");
  const [draft, setDraft] = useState<MappingDraft | null>(null);
  // A problem found before asking the server (JSON that does not parse).
  const [local, setLocal] = useState<MappingProblem | null>(null);
  const create = useMutation({
    mutationFn: (mapping: Record<string, unknown>) =>
      createSource({
        name: name.trim(),
        system,
        ...(sourceSystem.trim() ? { source_system: sourceSystem.trim() } : {}),
        mapping,
      }),
    onSuccess: async (source) => {
      await queryClient.invalidateQueries({ queryKey: ["ingest", "sources"] });
      onCreated(source);
    },
  });
  if (mappings.isPending) return <Loading label="Loading the ready mappings…" />;
  if (mappings.error) return <ErrorBanner error={mappings.error} title="The ready mappings could not be loaded" />;
  const shown: MappingDraft = draft ?? { mode: "ready", ready: mappings.data.data[0]?.name ?? "" };
  const errors = fieldErrors(create.error, PATHS);
  const problems = local ? [local] : mappingProblemsOf(create.error, shown);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = mappingOfDraft(shown);
    if (!parsed.ok) {
      setLocal(parsed.problem);
      create.reset();
      editor.current?.focusProblem(parsed.problem);
      return;
    }
    setLocal(null);
    create.mutate(parsed.mapping);
  };
  const systemError = errors.at("system");
  return (
    <form onSubmit={submit} className="source-form" data-testid="new-webhook-source-form">
      <FormErrorBanner error={create.error} errors={errors} title="Not added" />
      <div className="source-form__fields">
        <TextField
          label="Name"
          path="name"
          errors={errors}
          required
          autoComplete="off"
          placeholder="erp-orders"
          hint="Lower-case letters, digits and dashes. It names the source in receipts, the audit trail and metrics."
          value={name}
          onValue={setName}
        />
        <label className="field">
          <span className="field__label">System</span>
          <select
            value={system}
            onChange={(event) => setSystem(event.target.value as SourceSystemKind)}
            {...invalidProps(systemId, systemError)}
          >
            {SYSTEM_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {SYSTEM_LABELS[kind]}
              </option>
            ))}
          </select>
          <FieldError id={systemId} message={systemError} />
        </label>
        <TextField
          label="Records kept under (optional)"
          path="source_system"
          errors={errors}
          autoComplete="off"
          placeholder={name.trim() || "the source's name"}
          hint="The source system its records belong to: external ids are unique within it. Left empty, the source's name."
          value={sourceSystem}
          onValue={setSourceSystem}
        />
      </div>
      <MappingEditor
        ref={editor}
        draft={shown}
        onChange={(next) => {
          setDraft(next);
          setLocal(null);
        }}
        readyMappings={mappings.data.data}
        problems={problems}
        problemsTitle="Not added"
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? "Adding…" : "Add source"}
        </button>
      </div>
    </form>
  );
}
