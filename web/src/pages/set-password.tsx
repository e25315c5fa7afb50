import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { setActingTenant } from "../api/acting-tenant.ts";
import { api } from "../api/client.ts";
import { BrandMark } from "../branding/brand-mark.tsx";
import { BrandingProvider, usePageTitle } from "../branding/use-branding.tsx";
import { InvitationPreview } from "../contract.ts";
import { rememberTenant } from "../session/last-tenant.ts";
import { ErrorBanner } from "../ui/error-banner.tsx";
import { Loading } from "../ui/loading.tsx";

/** Where an invitation email's link leads: choose a password, and be signed in. */
export function SetPasswordPage({ token }: { token: string }) {
  const preview = useQuery({
    queryKey: ["invitation", token],
    queryFn: ({ signal }) =>
      api("GET", `/api/v1/auth/invitations/${encodeURIComponent(token)}`, { schema: InvitationPreview, signal }),
    retry: false,
    enabled: token.length > 0,
  });
  return (
    <BrandingProvider tenant={preview.data?.tenant.slug ?? null}>
      <div className="sign-in">
        <div className="sign-in__card">
          <div className="sign-in__brand">
            <BrandMark size="large" />
          </div>
          {!token ? (
            <p className="banner banner--error">This link has no invitation in it. Open the link from your email again.</p>
          ) : preview.isPending ? (
            <Loading />
          ) : preview.error ? (
            <ErrorBanner error={preview.error} title="This invitation cannot be used" />
          ) : (
            <SetPasswordForm token={token} preview={preview.data} />
          )}
        </div>
      </div>
    </BrandingProvider>
  );
}

function SetPasswordForm({ token, preview }: { token: string; preview: InvitationPreview }) {
  usePageTitle("Set your password");
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const mismatch = confirm.length > 0 && confirm !== password;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password !== confirm) return;
    setBusy(true);
    setError(null);
    try {
      await api("POST", "/api/v1/auth/invitations/accept", { json: { token, password } });
      rememberTenant(preview.tenant.slug);
      setActingTenant(null);
      queryClient.clear();
      await navigate({ to: "/" });
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit}>
      <h1 className="sign-in__title">Welcome, {preview.name}</h1>
      <p className="muted">
        Choose a password for {preview.email} at {preview.tenant.name}.
      </p>
      <ErrorBanner error={error} />
      <label className="field">
        <span className="field__label">New password</span>
        <input
          type="password"
          autoComplete="new-password"
          minLength={12}
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <span className="field__hint">At least 12 characters.</span>
      </label>
      <label className="field">
        <span className="field__label">Repeat it</span>
        <input
          type="password"
          autoComplete="new-password"
          required
          value={confirm}
          aria-invalid={mismatch}
          onChange={(event) => setConfirm(event.target.value)}
        />
        {mismatch ? <span className="field__error">The two passwords differ.</span> : null}
      </label>
      <button type="submit" className="button button--primary button--block" disabled={busy || mismatch}>
        {busy ? "Saving…" : "Set password and sign in"}
      </button>
    </form>
  );
}
