import { useId } from "react";
import type { SourceSystemKind } from "../contract.ts";
import { FieldError, type FieldErrors, invalidProps } from "../settings-workflows/field-errors.tsx";
import { TextField } from "../settings-workflows/text-field.tsx";
import { SYSTEM_KINDS, SYSTEM_LABELS } from "./system-labels.ts";

export type SourceIdentity = { name: string; system: SourceSystemKind; sourceSystem: string };

/** What every source is asked first: its name, the kind of system it is, and where its records are kept. */
export function SourceIdentityFields({
  value,
  onChange,
  errors,
  what,
  placeholder,
}: {
  value: SourceIdentity;
  onChange: (value: SourceIdentity) => void;
  errors: FieldErrors;
  /** "source", "drop": how the hints speak of it. */
  what: string;
  placeholder: string;
}) {
  const systemId = useId();
  const systemError = errors.at("system");
  return (
    <>
      <TextField
        label="Name"
        path="name"
        errors={errors}
        required
        autoComplete="off"
        placeholder={placeholder}
        hint={`Lower-case letters, digits and dashes. It names the ${what} in receipts, the audit trail and metrics.`}
        value={value.name}
        onValue={(name) => onChange({ ...value, name })}
      />
      <label className="field">
        <span className="field__label">System</span>
        <select
          value={value.system}
          onChange={(event) => onChange({ ...value, system: event.target.value as SourceSystemKind })}
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
        placeholder={value.name.trim() || `the ${what}'s name`}
        hint={`The source system its records belong to: external ids are unique within it. Left empty, the ${what}'s name.`}
        value={value.sourceSystem}
        onValue={(sourceSystem) => onChange({ ...value, sourceSystem })}
      />
    </>
  );
}
