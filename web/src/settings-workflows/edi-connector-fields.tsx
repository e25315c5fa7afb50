import type { ConnectorDraft } from "./connector-draft.ts";
import type { FieldErrors } from "./field-errors.tsx";
import { authPaths, HttpAuthFields } from "./http-auth-fields.tsx";
import { TextField } from "./text-field.tsx";

type Edi = ConnectorDraft["edi"];

export const EDI_PATHS = [
  "config.sender.qualifier",
  "config.sender.id",
  "config.receiver.qualifier",
  "config.receiver.id",
  "config.usage",
  "config.element_separator",
  "config.delivery",
  "config.delivery.path",
  "config.delivery.url",
  "config.delivery.timeout_ms",
  ...authPaths("config.delivery.auth"),
];

/** An EDI connector: the partner ids on the interchange, test or production, and where interchanges are delivered. */
export function EdiConnectorFields({ edi, errors, onChange }: { edi: Edi; errors: FieldErrors; onChange: (edi: Edi) => void }) {
  const set = (patch: Partial<Edi>) => onChange({ ...edi, ...patch });
  return (
    <>
      <div className="connector-form__pair">
        <TextField
          label="Our qualifier (ISA05)"
          path="config.sender.qualifier"
          errors={errors}
          required
          maxLength={2}
          value={edi.senderQualifier}
          onValue={(senderQualifier) => set({ senderQualifier })}
        />
        <TextField
          label="Our id (ISA06)"
          path="config.sender.id"
          errors={errors}
          required
          value={edi.senderId}
          onValue={(senderId) => set({ senderId })}
        />
      </div>
      <div className="connector-form__pair">
        <TextField
          label="Partner qualifier (ISA07)"
          path="config.receiver.qualifier"
          errors={errors}
          required
          maxLength={2}
          value={edi.receiverQualifier}
          onValue={(receiverQualifier) => set({ receiverQualifier })}
        />
        <TextField
          label="Partner id (ISA08)"
          path="config.receiver.id"
          errors={errors}
          required
          value={edi.receiverId}
          onValue={(receiverId) => set({ receiverId })}
        />
      </div>
      <label className="field">
        <span className="field__label">Usage (ISA15)</span>
        <select value={edi.usage} onChange={(event) => set({ usage: event.target.value as Edi["usage"] })}>
          <option value="P">Production</option>
          <option value="T">Test</option>
        </select>
      </label>
      <label className="field">
        <span className="field__label">Delivery</span>
        <select value={edi.delivery} onChange={(event) => set({ delivery: event.target.value as Edi["delivery"] })}>
          <option value="folder">A folder in the EDI outbox</option>
          <option value="http">HTTP POST to the partner</option>
        </select>
      </label>
      {edi.delivery === "folder" ? (
        <TextField
          label="Outbox folder"
          path="config.delivery.path"
          errors={errors}
          placeholder="acme/outbound"
          hint="Relative to this tenant's EDI outbox; empty for the outbox itself."
          value={edi.folder}
          onValue={(folder) => set({ folder })}
        />
      ) : (
        <>
          <TextField
            label="Endpoint URL"
            path="config.delivery.url"
            errors={errors}
            required
            type="url"
            value={edi.url}
            onValue={(url) => set({ url })}
          />
          <HttpAuthFields auth={edi.auth} prefix="config.delivery.auth" errors={errors} onChange={(auth) => set({ auth })} />
          <TextField
            label="Timeout (milliseconds)"
            path="config.delivery.timeout_ms"
            errors={errors}
            inputMode="numeric"
            value={edi.timeoutMs}
            onValue={(timeoutMs) => set({ timeoutMs })}
          />
        </>
      )}
    </>
  );
}
