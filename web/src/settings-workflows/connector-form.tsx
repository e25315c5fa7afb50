import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { ApiError } from "../api/api-error.ts";
import type { Connector, ConnectorKind } from "../contract.ts";
import { type ConnectorDraft, draftOf, emptyDraft, inputOf } from "./connector-draft.ts";
import { saveConnector } from "./connector-queries.ts";
import { EDI_PATHS, EdiConnectorFields } from "./edi-connector-fields.tsx";
import { FormErrorBanner, fieldErrors } from "./field-errors.tsx";
import { REST_PATHS, RestConnectorFields } from "./rest-connector-fields.tsx";
import { TextField } from "./text-field.tsx";

const PATHS = ["name", "description", "kind", "config", "config.from_name", ...REST_PATHS, ...EDI_PATHS];

const KINDS: { kind: ConnectorKind; label: string }[] = [
  { kind: "rest", label: "REST API (an ERP, a CRM…)" },
  { kind: "edi", label: "EDI (X12 to a trading partner)" },
  { kind: "email", label: "Email (through the platform's mail server)" },
];

/** Adds a connector, or edits one (its kind stays); the API's field errors show at their fields. */
export function ConnectorForm({ connector, onDone }: { connector: Connector | null; onDone: () => void }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<ConnectorDraft>(() => (connector ? draftOf(connector) : emptyDraft()));
  const save = useMutation({
    mutationFn: () => {
      const result = inputOf(draft);
      if (!result.ok) {
        throw new ApiError(422, "validation_failed", "The connector is invalid", [
          { path: result.path, message: result.message },
        ]);
      }
      return saveConnector(connector?.id ?? null, result.input);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["connectors"] });
      onDone();
    },
  });
  const errors = fieldErrors(save.error, PATHS);
  const set = (patch: Partial<ConnectorDraft>) => setDraft({ ...draft, ...patch });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} className="connector-form" noValidate data-testid="connector-form">
      <FormErrorBanner error={save.error} errors={errors} title="Not saved" />
      <TextField
        label="Name"
        path="name"
        errors={errors}
        required
        placeholder="erp"
        hint="What flows call it by: lower-case letters, digits, - and _."
        value={draft.name}
        onValue={(name) => set({ name })}
      />
      <TextField
        label="Description"
        path="description"
        errors={errors}
        value={draft.description}
        onValue={(description) => set({ description })}
      />
      <label className="field">
        <span className="field__label">Kind</span>
        <select
          value={draft.kind}
          disabled={connector !== null}
          aria-describedby={`${id}-kind`}
          onChange={(event) => set({ kind: event.target.value as ConnectorKind })}
        >
          {KINDS.map((kind) => (
            <option key={kind.kind} value={kind.kind}>
              {kind.label}
            </option>
          ))}
        </select>
        {connector ? (
          <span id={`${id}-kind`} className="field__hint">
            A connector keeps its kind; add another for a different one.
          </span>
        ) : null}
      </label>
      {draft.kind === "rest" ? (
        <RestConnectorFields rest={draft.rest} errors={errors} onChange={(rest) => set({ rest })} />
      ) : draft.kind === "edi" ? (
        <EdiConnectorFields edi={draft.edi} errors={errors} onChange={(edi) => set({ edi })} />
      ) : (
        <TextField
          label="Sender name"
          path="config.from_name"
          errors={errors}
          placeholder="Acme Supply customer service"
          hint="Used when a message names no sender; else “Crossdock”."
          value={draft.email.fromName}
          onValue={(fromName) => set({ email: { fromName } })}
        />
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : connector ? "Save connector" : "Add connector"}
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
