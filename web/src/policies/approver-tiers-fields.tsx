import { useId } from "react";
import { FieldError, invalidProps } from "../settings-workflows/field-errors.tsx";
import type { RoleChoice } from "../settings-workflows/role-choices.ts";
import { addTier, isRecord, removeTier, setTier } from "./threshold-edits.ts";
import { ThresholdInput } from "./threshold-input.tsx";
import { THRESHOLD_FIELD_LABELS } from "./threshold-place.ts";
import { moneyText } from "./threshold-values.ts";

/** The server keeps at most this many tiers per kind. */
const MAX_TIERS = 10;

/**
 * Who approves a kind of write, by amount: a role and an "up to" amount per tier, going up; the
 * last tier may leave its amount blank to cover any amount above the others.
 */
export function ApproverTiersFields({
  rowKey,
  path,
  tiers,
  roles,
  errorAt,
  onEdit,
}: {
  rowKey: string;
  /** "data.kinds.sales_order.create.approver_tiers" */
  path: string;
  tiers: unknown[];
  roles: RoleChoice[];
  errorAt: (path: string) => string | undefined;
  onEdit: (edit: (data: unknown) => unknown, path: string) => void;
}) {
  const errorId = useId();
  const error = errorAt(path);
  const last = tiers.at(-1);
  const unused = roles.find((role) => !tiers.some((tier) => isRecord(tier) && tier.role === role.name));
  return (
    <fieldset className="thresholds-tiers" data-policy-path={path} tabIndex={-1} aria-describedby={error ? errorId : undefined}>
      <legend className="field__label">{THRESHOLD_FIELD_LABELS.approver_tiers}</legend>
      <div className="thresholds-tiers__tier thresholds-tiers__head" aria-hidden="true">
        <span className="field__label">Role</span>
        <span className="field__label">Up to</span>
      </div>
      <ol className="thresholds-tiers__list">
        {tiers.map((tier, index) => {
          const at = `${path}.${index}`;
          const value = isRecord(tier) ? tier : {};
          const n = index + 1;
          return (
            // Tiers have no id; each input shows the data's value at its index whatever it held before.
            // biome-ignore lint/suspicious/noArrayIndexKey: a tier is its place in the list
            <li key={index} className="thresholds-tiers__tier">
              <TierRole
                label={`Tier ${n} role`}
                path={`${at}.role`}
                role={value.role}
                roles={roles}
                error={errorAt(`${at}.role`)}
                onRole={(role) => onEdit((data) => setTier(data, rowKey, index, "role", role), `${at}.role`)}
              />
              <ThresholdInput
                label={`Tier ${n} up to`}
                labelHidden
                path={`${at}.max_minor`}
                value={value.max_minor}
                text={moneyText}
                inputMode="decimal"
                placeholder={index === tiers.length - 1 ? "any amount" : "e.g. 25000.00"}
                error={errorAt(`${at}.max_minor`)}
                onValue={(amount) => onEdit((data) => setTier(data, rowKey, index, "max_minor", amount), `${at}.max_minor`)}
              />
              <button
                type="button"
                className="button button--small button--ghost"
                disabled={tiers.length <= 1}
                onClick={() => onEdit((data) => removeTier(data, rowKey, index), path)}
              >
                Remove<span className="visually-hidden"> tier {n}</span>
              </button>
            </li>
          );
        })}
      </ol>
      <FieldError id={errorId} message={error} />
      {isRecord(last) && typeof last.max_minor === "number" ? (
        <p className="field__hint">Above {moneyText.format(last.max_minor)} the write is refused.</p>
      ) : null}
      <button
        type="button"
        className="button button--small"
        disabled={tiers.length >= MAX_TIERS}
        onClick={() => onEdit((data) => addTier(data, rowKey, unused?.name ?? roles[0]?.name ?? "admin"), path)}
      >
        Add a tier
      </button>
    </fieldset>
  );
}

function TierRole({
  label,
  path,
  role,
  roles,
  error,
  onRole,
}: {
  label: string;
  path: string;
  role: unknown;
  roles: RoleChoice[];
  error: string | undefined;
  onRole: (role: string) => void;
}) {
  const id = useId();
  const current = typeof role === "string" ? role : "";
  // A role the data names that is not offered stays chosen (and named as a problem), not silently replaced.
  const known = roles.some((choice) => choice.name === current);
  return (
    <label className="field">
      <span className="visually-hidden">{label}</span>
      <select
        value={current}
        data-policy-path={path}
        onChange={(event) => onRole(event.target.value)}
        {...invalidProps(id, error)}
      >
        {known ? null : (
          <option value={current}>{current === "" ? "pick a role" : `${current} (does not approve writes)`}</option>
        )}
        {roles.map((choice) => (
          <option key={choice.name} value={choice.name}>
            {choice.label}
          </option>
        ))}
      </select>
      <FieldError id={id} message={error} />
    </label>
  );
}
