import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api } from "../api/client.ts";
import { CreatedApiKey } from "../contract.ts";
import { useMe } from "../session/me.ts";
import { CopyButton } from "../ui/copy-button.tsx";
import { ErrorBanner } from "../ui/error-banner.tsx";

/** Scopes no tenant key may carry. */
const NOT_GRANTABLE = new Set(["partner:admin", "platform:admin"]);

/** A key for an integration: a name, the scopes it needs (at most yours), and an optional expiry. */
export function CreateApiKeyForm({ onDone }: { onDone: () => void }) {
  const me = useMe();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<string[]>([]);
  const [expires, setExpires] = useState("");
  const create = useMutation({
    mutationFn: () =>
      api("POST", "/api/v1/api-keys", {
        json: { name, scopes, ...(expires ? { expires_at: new Date(`${expires}T23:59:59`).toISOString() } : {}) },
        schema: CreatedApiKey,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["api-keys"] }),
  });
  if (create.data) {
    return (
      <div data-testid="created-key">
        <p className="banner banner--warn">
          Copy this secret now: it is shown once and cannot be seen again. Use it as <code>Authorization: Bearer …</code>.
        </p>
        <div className="secret">
          <code data-testid="api-key-secret">{create.data.secret}</code>
          <CopyButton text={create.data.secret} />
        </div>
        <div className="form-actions">
          <button type="button" className="button" onClick={onDone}>
            Done
          </button>
        </div>
      </div>
    );
  }
  const grantable = me.scopes.filter((scope) => !NOT_GRANTABLE.has(scope)).sort();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={submit}>
      <ErrorBanner error={create.error} />
      <label className="field">
        <span className="field__label">Name</span>
        <input required value={name} placeholder="e.g. NetSuite sync" onChange={(event) => setName(event.target.value)} />
      </label>
      <fieldset className="checkbox-list checkbox-list--columns">
        <legend className="field__label">Scopes (only those you hold yourself)</legend>
        {grantable.map((scope) => (
          <label key={scope} className="checkbox">
            <input
              type="checkbox"
              value={scope}
              checked={scopes.includes(scope)}
              onChange={(event) => setScopes(event.target.checked ? [...scopes, scope] : scopes.filter((s) => s !== scope))}
            />
            <span className="mono">{scope}</span>
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span className="field__label">Expires (optional)</span>
        <input
          type="date"
          value={expires}
          min={new Date().toISOString().slice(0, 10)}
          onChange={(event) => setExpires(event.target.value)}
        />
      </label>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={create.isPending || scopes.length === 0}>
          {create.isPending ? "Creating…" : "Create key"}
        </button>
      </div>
    </form>
  );
}
