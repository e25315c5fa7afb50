import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { PullConnector } from "../contract.ts";
import { FormErrorBanner, fieldErrors } from "../settings-workflows/field-errors.tsx";
import {
  draftOfPullConnector,
  type PullConnectorDraft,
  pullConnectionPaths,
  pullConnectorUpdate,
} from "./pull-connector-draft.ts";
import { PullConnectorFieldsets } from "./pull-connector-fieldsets.tsx";
import { updatePullConnector } from "./pull-connector-queries.ts";

/**
 * Changes where a pull connector reads from and how it reads this source's resource, on the
 * source's page (its mapping is changed in the mapping panel, how often it reads just above). A
 * secret left empty keeps the one sealed before; a changed cursor makes the resource read again
 * from the start, as the API does.
 */
export function EditPullConnectorForm({
  connector,
  resource,
  onDone,
}: {
  connector: PullConnector;
  resource: string;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<PullConnectorDraft>(() => draftOfPullConnector(connector, resource));
  const set =
    <K extends keyof PullConnectorDraft>(key: K) =>
    (value: PullConnectorDraft[K]) =>
      setDraft((old) => ({ ...old, [key]: value }));
  const save = useMutation({
    mutationFn: () => updatePullConnector(connector.id, pullConnectorUpdate(draft, connector, resource)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["ingest"] });
      onDone();
    },
  });
  const errors = fieldErrors(save.error, pullConnectionPaths(draft));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} className="source-form" data-testid="edit-pull-connector-form">
      <FormErrorBanner error={save.error} errors={errors} title="Not saved" />
      <PullConnectorFieldsets draft={draft} errors={errors} set={set} editing />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save changes"}
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
