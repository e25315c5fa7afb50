import { useId } from "react";
import { FieldError, type FieldErrors, invalidProps } from "../settings-workflows/field-errors.tsx";
import { TextField } from "../settings-workflows/text-field.tsx";
import type { PullConnectorDraft } from "./pull-connector-draft.ts";

type Setter = <K extends keyof PullConnectorDraft>(key: K) => (value: PullConnectorDraft[K]) => void;

/**
 * The database a SQL connector reads: PostgreSQL, or MySQL and MariaDB, as a user that can only read.
 * `keepsPassword`: a password is stored, and one left empty keeps it.
 */
export function SqlConnectionFields({
  draft,
  errors,
  set,
  keepsPassword = false,
}: {
  draft: PullConnectorDraft;
  errors: FieldErrors;
  set: Setter;
  keepsPassword?: boolean;
}) {
  const dialectId = useId();
  const tlsId = useId();
  return (
    <>
      <label className="field">
        <span className="field__label">Database</span>
        <select
          value={draft.dialect}
          onChange={(event) => set("dialect")(event.target.value as PullConnectorDraft["dialect"])}
          {...invalidProps(dialectId, errors.at("connection.dialect"))}
        >
          <option value="postgres">PostgreSQL</option>
          <option value="mysql">MySQL or MariaDB</option>
        </select>
        <FieldError id={dialectId} message={errors.at("connection.dialect")} />
      </label>
      <TextField
        label="Host"
        path="connection.host"
        errors={errors}
        required
        autoComplete="off"
        placeholder="erp-db.internal"
        value={draft.host}
        onValue={set("host")}
      />
      <TextField
        label="Port (optional)"
        path="connection.port"
        errors={errors}
        inputMode="numeric"
        placeholder={draft.dialect === "postgres" ? "5432" : "3306"}
        value={draft.port}
        onValue={set("port")}
      />
      <TextField
        label="Database name"
        path="connection.database"
        errors={errors}
        required
        autoComplete="off"
        value={draft.database}
        onValue={set("database")}
      />
      <TextField
        label="User"
        path="connection.user"
        errors={errors}
        required
        autoComplete="off"
        hint="Give Crossdock a user that can only read; its queries also run in read-only transactions."
        value={draft.user}
        onValue={set("user")}
      />
      <TextField
        label={keepsPassword ? "Password (set)" : "Password (optional)"}
        path="connection.password"
        errors={errors}
        type="password"
        autoComplete="new-password"
        hint={
          keepsPassword
            ? "One is stored, encrypted; left empty, it is kept. Type a new one to replace it."
            : "Stored encrypted. It is never shown again, here or by the API."
        }
        value={draft.dbPassword}
        onValue={set("dbPassword")}
      />
      <label className="field">
        <span className="field__label">Encryption</span>
        <select
          value={draft.tls}
          onChange={(event) => set("tls")(event.target.value as PullConnectorDraft["tls"])}
          {...invalidProps(tlsId, errors.at("connection.tls"))}
        >
          <option value="disable">None</option>
          <option value="require">TLS, certificate not checked</option>
          <option value="verify">TLS, certificate and host checked</option>
        </select>
        <FieldError id={tlsId} message={errors.at("connection.tls")} />
      </label>
    </>
  );
}
