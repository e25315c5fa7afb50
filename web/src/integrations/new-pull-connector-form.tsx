import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Source } from "../contract.ts";
import { fieldErrors } from "../settings-workflows/field-errors.tsx";
import { TextField } from "../settings-workflows/text-field.tsx";
import {
  EMPTY_PULL_CONNECTOR,
  type PullConnectorDraft,
  pullConnectionPaths,
  pullConnectorInput,
} from "./pull-connector-draft.ts";
import { PullConnectorFieldsets } from "./pull-connector-fieldsets.tsx";
import { createPullConnector } from "./pull-connector-queries.ts";
import { SourceForm } from "./source-form.tsx";
import { SourceIdentityFields } from "./source-identity-fields.tsx";
import { useMappingDraft } from "./use-mapping-draft.ts";

/** The API paths this form shows a field for; a problem elsewhere goes in the banner. */
const pathsOf = (draft: PullConnectorDraft) => [
  "name",
  "system",
  "source_system",
  "interval_seconds",
  "resources",
  ...pullConnectionPaths(draft),
];

/**
 * A pull connector: a REST API or a SQL database Crossdock reads on a schedule, with one resource
 * (more are added through the API) and how its items become records. It runs once when added, then
 * every interval, resuming where it stopped.
 */
export function NewPullConnectorForm({ onCreated }: { onCreated: (source: Source) => void }) {
  const queryClient = useQueryClient();
  const mapping = useMappingDraft();
  const [draft, setDraft] = useState<PullConnectorDraft>(EMPTY_PULL_CONNECTOR);
  const set =
    <K extends keyof PullConnectorDraft>(key: K) =>
    (value: PullConnectorDraft[K]) =>
      setDraft((old) => ({ ...old, [key]: value }));
  const create = useMutation({
    mutationFn: (spec: Record<string, unknown>) => createPullConnector(pullConnectorInput(draft, spec)),
    onSuccess: async (source) => {
      await queryClient.invalidateQueries({ queryKey: ["ingest"] });
      onCreated(source);
    },
  });
  const errors = fieldErrors(create.error, pathsOf(draft));
  return (
    <SourceForm mapping={mapping} create={create} errors={errors} testId="new-pull-connector-form" addLabel="Add connector">
      <div className="source-form__fields">
        <SourceIdentityFields
          value={draft}
          onChange={(identity) => setDraft((old) => ({ ...old, ...identity }))}
          errors={errors}
          what="connector"
          placeholder="shop-api"
        />
        <TextField
          label="Read every (minutes)"
          path="interval_seconds"
          errors={errors}
          inputMode="decimal"
          hint="It reads once when added, then this often, each run from where the last one stopped."
          value={draft.everyMinutes}
          onValue={set("everyMinutes")}
        />
      </div>
      <PullConnectorFieldsets draft={draft} errors={errors} set={set} />
    </SourceForm>
  );
}
