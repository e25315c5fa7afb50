import type { FieldErrors } from "../settings-workflows/field-errors.tsx";
import { HttpAuthFields } from "../settings-workflows/http-auth-fields.tsx";
import { TextField } from "../settings-workflows/text-field.tsx";
import type { PullConnectorDraft } from "./pull-connector-draft.ts";
import { RestResourceFields, resourcePath, SqlResourceFields } from "./pull-resource-fields.tsx";
import { SqlConnectionFields } from "./sql-connection-fields.tsx";

type Setter = <K extends keyof PullConnectorDraft>(key: K) => (value: PullConnectorDraft[K]) => void;

/**
 * Where a pull connector reads from (a REST API or a SQL database) and what: one resource's request
 * or query and its page size. Adding a connector, its kind and the resource's name are chosen;
 * `editing` one, both stay as they are.
 */
export function PullConnectorFieldsets({
  draft,
  errors,
  set,
  editing = false,
}: {
  draft: PullConnectorDraft;
  errors: FieldErrors;
  set: Setter;
  editing?: boolean;
}) {
  return (
    <>
      <fieldset className="source-form__fields">
        <legend className="field__label">Reads from</legend>
        {editing ? null : (
          <div className="mapping-editor__modes">
            <label className="checkbox">
              <input type="radio" name="pull-kind" checked={draft.kind === "rest"} onChange={() => set("kind")("rest")} />
              <span>A REST API (JSON)</span>
            </label>
            <label className="checkbox">
              <input type="radio" name="pull-kind" checked={draft.kind === "sql"} onChange={() => set("kind")("sql")} />
              <span>A SQL database</span>
            </label>
          </div>
        )}
        {draft.kind === "rest" ? (
          <>
            <TextField
              label="Base URL"
              path="connection.base_url"
              errors={errors}
              required
              type="url"
              autoComplete="off"
              placeholder="https://erp.example.com/api/v2"
              value={draft.baseUrl}
              onValue={set("baseUrl")}
            />
            {draft.keptAuth ? (
              <p className="muted">
                Its API key goes in the query string (<code>{String(draft.keptAuth.name)}</code>) and is kept as it is; it is
                changed through the API.
              </p>
            ) : (
              <HttpAuthFields auth={draft.auth} prefix="connection.auth" errors={errors} onChange={set("auth")} />
            )}
          </>
        ) : (
          <SqlConnectionFields draft={draft} errors={errors} set={set} keepsPassword={draft.passwordStored === true} />
        )}
      </fieldset>
      <fieldset className="source-form__fields">
        <legend className="field__label">What it reads</legend>
        {editing ? (
          <p>
            Resource <span className="mono">{draft.resource}</span>
          </p>
        ) : (
          <TextField
            label="Resource name"
            path="resources"
            errors={errors}
            required
            autoComplete="off"
            hint="Lower-case letters, digits and dashes. With the connector's, it names the resource's source (shop-api-orders)."
            value={draft.resource}
            onValue={set("resource")}
          />
        )}
        {draft.kind === "rest" ? (
          <RestResourceFields draft={draft} errors={errors} set={set} />
        ) : (
          <SqlResourceFields draft={draft} errors={errors} set={set} />
        )}
        <TextField
          label="Page size"
          path={resourcePath(draft, "page_size")}
          errors={errors}
          inputMode="numeric"
          value={draft.pageSize}
          onValue={set("pageSize")}
        />
      </fieldset>
    </>
  );
}
