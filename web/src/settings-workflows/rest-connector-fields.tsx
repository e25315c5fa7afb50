import { useId } from "react";
import type { ConnectorDraft } from "./connector-draft.ts";
import { FieldError, type FieldErrors, invalidProps } from "./field-errors.tsx";
import { authPaths, HttpAuthFields } from "./http-auth-fields.tsx";
import { TextField } from "./text-field.tsx";

type Rest = ConnectorDraft["rest"];

export const REST_PATHS = [
  "config.base_url",
  "config.timeout_ms",
  "config.headers",
  "config.endpoints",
  ...authPaths("config.auth"),
];

/** A REST connector: where it sends, how it authenticates, its headers and timeout, and its endpoints per kind of write. */
export function RestConnectorFields({
  rest,
  errors,
  onChange,
}: {
  rest: Rest;
  errors: FieldErrors;
  onChange: (rest: Rest) => void;
}) {
  const id = useId();
  const set = (patch: Partial<Rest>) => onChange({ ...rest, ...patch });
  const headersError = errors.at("config.headers");
  const endpointsError = errors.at("config.endpoints");
  return (
    <>
      <TextField
        label="Base URL"
        path="config.base_url"
        errors={errors}
        required
        type="url"
        placeholder="https://erp.example.com/api"
        value={rest.baseUrl}
        onValue={(baseUrl) => set({ baseUrl })}
      />
      <HttpAuthFields auth={rest.auth} prefix="config.auth" errors={errors} onChange={(auth) => set({ auth })} />
      <TextField
        label="Timeout (milliseconds)"
        path="config.timeout_ms"
        errors={errors}
        inputMode="numeric"
        value={rest.timeoutMs}
        onValue={(timeoutMs) => set({ timeoutMs })}
      />
      <label className="field">
        <span className="field__label">Headers</span>
        <textarea
          rows={2}
          className="mono"
          value={rest.headers}
          placeholder="X-Company: 01"
          onChange={(event) => set({ headers: event.target.value })}
          {...invalidProps(`${id}-headers`, headersError)}
        />
        <span className="field__hint">
          One “Name: value” a line, sent with every request. Not for secrets: use the auth above.
        </span>
        <FieldError id={`${id}-headers`} message={headersError} />
      </label>
      <label className="field">
        <span className="field__label">Endpoints (JSON)</span>
        <textarea
          rows={6}
          className="mono"
          value={rest.endpoints}
          onChange={(event) => set({ endpoints: event.target.value })}
          {...invalidProps(`${id}-endpoints`, endpointsError)}
        />
        <span className="field__hint">
          Per kind of write: method, path, body, success_statuses, external_id_path and its compensation, e.g.{" "}
          <code>{`{"sales_order.create": {"method": "POST", "path": "/orders"}}`}</code>
        </span>
        <FieldError id={`${id}-endpoints`} message={endpointsError} />
      </label>
    </>
  );
}
