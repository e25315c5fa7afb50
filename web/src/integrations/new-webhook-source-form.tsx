import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { SourceWithSecret } from "../contract.ts";
import { FormErrorBanner, fieldErrors } from "../settings-workflows/field-errors.tsx";
import { ErrorBanner } from "../ui/error-banner.tsx";
import { Loading } from "../ui/loading.tsx";
import { MappingEditor } from "./mapping-editor.tsx";
import { type SourceIdentity, SourceIdentityFields } from "./source-identity-fields.tsx";
import { createSource } from "./source-queries.ts";
import { useMappingDraft } from "./use-mapping-draft.ts";

const PATHS = ["name", "system", "source_system", "mapping"];

/** A webhook source: its name, the kind of system, where its records are kept, and its mapping. */
export function NewWebhookSourceForm({ onCreated }: { onCreated: (source: SourceWithSecret) => void }) {
  const queryClient = useQueryClient();
  const mapping = useMappingDraft();
  const [identity, setIdentity] = useState<SourceIdentity>({ name: "", system: "erp", sourceSystem: "" });
  const create = useMutation({
    mutationFn: (spec: Record<string, unknown>) =>
      createSource({
        name: identity.name.trim(),
        system: identity.system,
        ...(identity.sourceSystem.trim() ? { source_system: identity.sourceSystem.trim() } : {}),
        mapping: spec,
      }),
    onSuccess: async (source) => {
      await queryClient.invalidateQueries({ queryKey: ["ingest", "sources"] });
      onCreated(source);
    },
  });
  if (mapping.readyMappings.isPending) return <Loading label="Loading the ready mappings…" />;
  if (mapping.readyMappings.error) {
    return <ErrorBanner error={mapping.readyMappings.error} title="The ready mappings could not be loaded" />;
  }
  const errors = fieldErrors(create.error, PATHS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const spec = mapping.parse();
    if (spec) create.mutate(spec);
    else create.reset();
  };
  return (
    <form onSubmit={submit} className="source-form" data-testid="new-webhook-source-form">
      <FormErrorBanner error={create.error} errors={errors} title="Not added" />
      <div className="source-form__fields">
        <SourceIdentityFields value={identity} onChange={setIdentity} errors={errors} what="source" placeholder="erp-orders" />
      </div>
      <MappingEditor
        ref={mapping.editor}
        draft={mapping.draft}
        onChange={mapping.onChange}
        readyMappings={mapping.readyMappings.data.data}
        problems={mapping.problems(create.error)}
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
