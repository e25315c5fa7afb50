import { useId, useState } from "react";
import { FieldError } from "../settings-workflows/field-errors.tsx";
import type { RoleChoice } from "../settings-workflows/role-choices.ts";
import { ApproverTiersFields } from "./approver-tiers-fields.tsx";
import { isRecord, setField, type ThresholdRow, tiersOf } from "./threshold-edits.ts";
import { ThresholdInput } from "./threshold-input.tsx";
import { THRESHOLD_FIELD_LABELS as LABELS } from "./threshold-place.ts";
import { thresholdsSummary } from "./threshold-summary.ts";
import { listText, moneyText, percentText } from "./threshold-values.ts";

/**
 * One kind of write's thresholds (or the default's): a line saying what they are, opened to edit
 * them as fields. The line says how many problems they have while they have any.
 */
export function KindThresholdsFields({
  row,
  roles,
  problems,
  errorAt,
  onEdit,
  onRemove,
  initiallyOpen,
}: {
  row: ThresholdRow;
  roles: RoleChoice[];
  /** How many problems are at or under this row. */
  problems: number;
  errorAt: (path: string) => string | undefined;
  onEdit: (edit: (data: unknown) => unknown, path: string) => void;
  /** Absent for the default, which every kind without its own row uses. */
  onRemove?: () => void;
  initiallyOpen: boolean;
}) {
  const errorId = useId();
  const [open, setOpen] = useState(initiallyOpen);
  const error = errorAt(row.path);
  const kind = row.value;
  const summary = thresholdsSummary(kind);
  const field = (name: string) => ({
    label: LABELS[name] ?? name,
    path: `${row.path}.${name}`,
    value: isRecord(kind) ? kind[name] : undefined,
    error: errorAt(`${row.path}.${name}`),
    onValue: (value: unknown) => onEdit((data) => setField(data, row.key, name, value), `${row.path}.${name}`),
  });
  return (
    <details className="thresholds-kind" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="thresholds-kind__summary">
        <span className="thresholds-kind__title">{row.label}</span>
        {row.key !== "default" ? <span className="mono small muted"> {row.key}</span> : null}
        {problems > 0 ? (
          <span className="thresholds-kind__problems"> {problems === 1 ? "1 problem" : `${problems} problems`}</span>
        ) : null}
        {summary ? <span className="thresholds-kind__line small muted">{summary}</span> : null}
      </summary>
      <fieldset
        className="thresholds-kind__body"
        data-policy-path={row.path}
        tabIndex={-1}
        aria-describedby={error ? errorId : undefined}
      >
        <legend className="visually-hidden">
          {row.label}
          {row.key !== "default" ? ` ${row.key}` : ""}
        </legend>
        {onRemove ? (
          <button type="button" className="button button--small button--ghost thresholds-kind__remove" onClick={onRemove}>
            Use the default<span className="visually-hidden"> for {row.label}</span>
          </button>
        ) : null}
        <FieldError id={errorId} message={error} />
        {isRecord(kind) ? (
          <>
            <div className="thresholds-kind__fields">
              <ThresholdInput placeholder="never" inputMode="decimal" text={moneyText} {...field("auto_approve_max_minor")} />
              <ThresholdInput inputMode="decimal" text={percentText} {...field("min_confidence")} />
              <ThresholdInput placeholder="none" text={listText} {...field("deny_customer_tiers")} />
              <ThresholdInput placeholder="none" text={listText} {...field("approval_item_classes")} />
            </div>
            <ApproverTiersFields
              rowKey={row.key}
              path={`${row.path}.approver_tiers`}
              tiers={tiersOf(kind)}
              roles={roles}
              errorAt={errorAt}
              onEdit={onEdit}
            />
          </>
        ) : (
          <p className="field__error">Not in the expected shape: correct it with “Edit as JSON”.</p>
        )}
      </fieldset>
    </details>
  );
}
