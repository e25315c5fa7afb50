import type { UseMutationResult } from "@tanstack/react-query";
import type { FormEvent, ReactNode } from "react";
import { type FieldErrors, FormErrorBanner } from "../settings-workflows/field-errors.tsx";
import { ErrorBanner } from "../ui/error-banner.tsx";
import { Loading } from "../ui/loading.tsx";
import { MappingEditor } from "./mapping-editor.tsx";
import type { useMappingDraft } from "./use-mapping-draft.ts";

/**
 * What every form that adds a source shares: it waits for the ready mappings, says above it what
 * was refused, and ends with the mapping and its Add button; the kind's own fields go between.
 * Submitting checks the mapping's JSON first, then sends it to `create`.
 */
export function SourceForm({
  mapping,
  create,
  errors,
  testId,
  addLabel,
  children,
}: {
  mapping: ReturnType<typeof useMappingDraft>;
  create: UseMutationResult<unknown, Error, Record<string, unknown>>;
  errors: FieldErrors;
  testId: string;
  /** The button: "Add source". */
  addLabel: string;
  children: ReactNode;
}) {
  if (mapping.readyMappings.isPending) return <Loading label="Loading the ready mappings…" />;
  if (mapping.readyMappings.error) {
    return <ErrorBanner error={mapping.readyMappings.error} title="The ready mappings could not be loaded" />;
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const spec = mapping.parse();
    if (spec) create.mutate(spec);
    else create.reset();
  };
  return (
    <form onSubmit={submit} className="source-form" data-testid={testId}>
      <FormErrorBanner error={create.error} errors={errors} title="Not added" />
      {children}
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
          {create.isPending ? "Adding…" : addLabel}
        </button>
      </div>
    </form>
  );
}
