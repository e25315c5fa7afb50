import { useId } from "react";
import { Badge } from "../ui/badge.tsx";
import { type AuthDraft, type AuthType, secretIsSet } from "./connector-draft.ts";
import { FieldError, type FieldErrors, invalidProps } from "./field-errors.tsx";

const SECRET_LABEL: Record<Exclude<AuthType, "none">, { label: string; field: string }> = {
  bearer: { label: "Token", field: "token" },
  basic: { label: "Password", field: "password" },
  header: { label: "Header value", field: "value" },
};

/**
 * How a connector authenticates over HTTP. A stored secret is never shown: the form says it is set
 * and offers only to replace it; left empty, the stored one is kept.
 */
export function HttpAuthFields({
  auth,
  prefix,
  errors,
  onChange,
}: {
  auth: AuthDraft;
  /** Where this auth sits in the config, for the API's field errors: "config.auth". */
  prefix: string;
  errors: FieldErrors;
  onChange: (auth: AuthDraft) => void;
}) {
  const id = useId();
  const set = (patch: Partial<AuthDraft>) => onChange({ ...auth, ...patch });
  const secret = auth.type === "none" ? null : SECRET_LABEL[auth.type];
  const kept = secretIsSet(auth);
  const secretError = secret ? errors.at(`${prefix}.${secret.field}`) : undefined;
  const usernameError = errors.at(`${prefix}.username`);
  const nameError = errors.at(`${prefix}.name`);
  const authError = errors.at(prefix);
  return (
    <fieldset className="connector-form__group">
      <legend className="field__label">Authentication</legend>
      <label className="field">
        <span className="field__label">Auth</span>
        <select
          value={auth.type}
          onChange={(event) => set({ type: event.target.value as AuthType, secret: "" })}
          {...invalidProps(`${id}-auth`, authError)}
        >
          <option value="none">None</option>
          <option value="bearer">Bearer token</option>
          <option value="basic">Basic (user name and password)</option>
          <option value="header">A header with a key</option>
        </select>
        <FieldError id={`${id}-auth`} message={authError} />
      </label>
      {auth.type === "basic" ? (
        <label className="field">
          <span className="field__label">User name</span>
          <input
            required
            value={auth.username}
            autoComplete="off"
            onChange={(event) => set({ username: event.target.value })}
            {...invalidProps(`${id}-user`, usernameError)}
          />
          <FieldError id={`${id}-user`} message={usernameError} />
        </label>
      ) : null}
      {auth.type === "header" ? (
        <label className="field">
          <span className="field__label">Header name</span>
          <input
            required
            value={auth.headerName}
            placeholder="X-Api-Key"
            autoComplete="off"
            onChange={(event) => set({ headerName: event.target.value })}
            {...invalidProps(`${id}-header`, nameError)}
          />
          <FieldError id={`${id}-header`} message={nameError} />
        </label>
      ) : null}
      {secret ? (
        <label className="field">
          <span className="field__label">
            {kept ? `Replace the ${secret.label.toLowerCase()}` : secret.label}{" "}
            {kept ? (
              <span data-testid="secret-state">
                <Badge tone="good">set</Badge>
              </span>
            ) : null}
          </span>
          <input
            type="password"
            required={!kept}
            value={auth.secret}
            autoComplete="new-password"
            placeholder={kept ? "Leave empty to keep the stored one" : undefined}
            onChange={(event) => set({ secret: event.target.value })}
            {...invalidProps(`${id}-secret`, secretError)}
          />
          <span className="field__hint">Stored encrypted. It is never shown again, here or by the API.</span>
          <FieldError id={`${id}-secret`} message={secretError} />
        </label>
      ) : null}
    </fieldset>
  );
}

/** The API paths of an auth's fields, for splitting its errors. */
export const authPaths = (prefix: string) => [
  prefix,
  `${prefix}.type`,
  `${prefix}.token`,
  `${prefix}.password`,
  `${prefix}.value`,
  `${prefix}.username`,
  `${prefix}.name`,
];
