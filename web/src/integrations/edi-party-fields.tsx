import type { FieldErrors } from "../settings-workflows/field-errors.tsx";
import { TextField } from "../settings-workflows/text-field.tsx";
import type { PartyDraft } from "./edi-partner-draft.ts";

/** One side of an interchange: its ISA qualifier and id, and its GS application id. */
export function EdiPartyFields({
  legend,
  hint,
  path,
  party,
  errors,
  onChange,
}: {
  legend: string;
  hint: string;
  /** Where the party sits in the API's input, for its field errors: "their" or "ours". */
  path: "their" | "ours";
  party: PartyDraft;
  errors: FieldErrors;
  onChange: (party: PartyDraft) => void;
}) {
  return (
    <fieldset className="source-form__fields">
      <legend className="field__label">{legend}</legend>
      <p className="field__hint">{hint}</p>
      <TextField
        label="Qualifier"
        path={`${path}.qualifier`}
        errors={errors}
        required
        autoComplete="off"
        maxLength={2}
        hint="ZZ mutually defined, 01 DUNS, 08 UCC EDI, 12 phone…"
        value={party.qualifier}
        onValue={(qualifier) => onChange({ ...party, qualifier })}
      />
      <TextField
        label="Interchange id"
        path={`${path}.id`}
        errors={errors}
        required
        autoComplete="off"
        maxLength={15}
        value={party.id}
        onValue={(id) => onChange({ ...party, id })}
      />
      <TextField
        label="Application id (optional)"
        path={`${path}.application_id`}
        errors={errors}
        autoComplete="off"
        maxLength={15}
        hint="GS02 or GS03; the interchange id when left empty."
        value={party.applicationId}
        onValue={(applicationId) => onChange({ ...party, applicationId })}
      />
    </fieldset>
  );
}
