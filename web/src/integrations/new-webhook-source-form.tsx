import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { SourceWithSecret } from "../contract.ts";
import { fieldErrors } from "../settings-workflows/field-errors.tsx";
import { SourceForm } from "./source-form.tsx";
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
  const errors = fieldErrors(create.error, PATHS);
  return (
    <SourceForm mapping={mapping} create={create} errors={errors} testId="new-webhook-source-form" addLabel="Add source">
      <div className="source-form__fields">
        <SourceIdentityFields value={identity} onChange={setIdentity} errors={errors} what="source" placeholder="erp-orders" />
      </div>
    </SourceForm>
  );
}
