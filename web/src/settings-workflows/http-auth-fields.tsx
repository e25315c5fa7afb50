import { useId } from "react";
import { Badge } from "../ui/badge.tsx";
import { type AuthDraft, type AuthType, secretIsSet } from "./connector-draft.ts";
import { FieldError, type FieldErrors, invalidProps } from "./field-errors.tsx";
import { TextField } from "./text-field.tsx";

const SECRET_LABEL: Record<Exclude<AuthType, "none">, { label: string; field: string }> = {
  bearer: { label: "Token", field: "token" },
  basic: { label: "Password", field: "password" },
  header: { label: "Header value", field: "value" },
  oauth2_client_credentials: { label: "Client secret", field: "client_secret" },
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
  const methodError = errors.at(`${prefix}.auth_method`);
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
          <option value="oauth2_client_credentials">OAuth 2.0 client credentials</option>
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
      {auth.type === "oauth2_client_credentials" ? (
        <>
          <TextField
            label="Token URL"
            path={`${prefix}.token_url`}
            errors={errors}
            required
            type="url"
            autoComplete="off"
            placeholder="https://login.example.com/oauth2/token"
            hint="Where access tokens are asked for (grant client_credentials); each is kept until shortly before it expires."
            value={auth.tokenUrl}
            onValue={(tokenUrl) => set({ tokenUrl })}
          />
          <TextField
            label="Client ID"
            path={`${prefix}.client_id`}
            errors={errors}
            required
            autoComplete="off"
            value={auth.clientId}
            onValue={(clientId) => set({ clientId })}
          />
        </>
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
      {auth.type === "oauth2_client_credentials" ? (
        <>
          <TextField
            label="Scope (optional)"
            path={`${prefix}.scope`}
            errors={errors}
            autoComplete="off"
            placeholder="https://api.businesscentral.dynamics.com/.default"
            hint="Space-separated, as the token endpoint names them."
            value={auth.scope}
            onValue={(scope) => set({ scope })}
          />
          <TextField
            label="Audience (optional)"
            path={`${prefix}.audience`}
            errors={errors}
            autoComplete="off"
            hint="For token endpoints that ask which API the token is for."
            value={auth.audience}
            onValue={(audience) => set({ audience })}
          />
          <label className="field">
            <span className="field__label">Client authentication</span>
            <select
              value={auth.authMethod}
              onChange={(event) => set({ authMethod: event.target.value as AuthDraft["authMethod"] })}
              {...invalidProps(`${id}-method`, methodError)}
            >
              <option value="client_secret_basic">Basic header (client_secret_basic)</option>
              <option value="client_secret_post">In the request body (client_secret_post)</option>
            </select>
            <FieldError id={`${id}-method`} message={methodError} />
          </label>
        </>
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
  `${prefix}.token_url`,
  `${prefix}.client_id`,
  `${prefix}.client_secret`,
  `${prefix}.scope`,
  `${prefix}.audience`,
  `${prefix}.auth_method`,
];
