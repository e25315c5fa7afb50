import type { RoleInfo } from "../contract.ts";

/**
 * Roles as checkboxes with what each grants. Roles that need scopes the admin does not hold are
 * shown but disabled: the API would refuse to grant them.
 */
export function RolePicker({
  roles,
  selected,
  grantable,
  onChange,
}: {
  roles: readonly RoleInfo[];
  selected: readonly string[];
  grantable: (role: RoleInfo) => boolean;
  onChange: (roles: string[]) => void;
}) {
  return (
    <fieldset className="checkbox-list">
      <legend className="field__label">Roles</legend>
      {roles.map((role) => {
        const allowed = grantable(role);
        return (
          <label key={role.name} className={allowed ? "checkbox" : "checkbox checkbox--disabled"}>
            <input
              type="checkbox"
              name="roles"
              value={role.name}
              checked={selected.includes(role.name)}
              disabled={!allowed}
              onChange={(event) =>
                onChange(event.target.checked ? [...selected, role.name] : selected.filter((name) => name !== role.name))
              }
            />
            <span>
              <strong>{role.label}</strong> <span className="muted">— {role.description}</span>
              {allowed ? null : <span className="muted"> (needs scopes you do not hold)</span>}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
