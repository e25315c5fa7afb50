import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { setActingTenant } from "../api/acting-tenant.ts";
import { api } from "../api/client.ts";
import { BrandMark } from "../branding/brand-mark.tsx";
import { BrandingProvider, useBranding, usePageTitle } from "../branding/use-branding.tsx";
import { lastTenant, rememberTenant } from "../session/last-tenant.ts";
import { ErrorBanner } from "../ui/error-banner.tsx";

export type SignInSearch = { tenant?: string; next?: string; reason?: "expired" | "signed_out" };

const REASONS: Record<NonNullable<SignInSearch["reason"]>, string> = {
  expired: "Your session has ended. Sign in again to continue.",
  signed_out: "You have signed out.",
};

/** Only paths inside the console, never another site. */
const safeNext = (next: string | undefined) => (next?.startsWith("/") && !next.startsWith("//") ? next : "/");

export function SignInPage({ search }: { search: SignInSearch }) {
  const [tenant, setTenant] = useState(search.tenant ?? lastTenant() ?? "");
  const [brandedTenant, setBrandedTenant] = useState(tenant);
  return (
    <BrandingProvider tenant={brandedTenant || null}>
      <SignInForm
        search={search}
        tenant={tenant}
        onTenantChange={setTenant}
        onTenantSettled={() => setBrandedTenant(tenant.trim())}
      />
    </BrandingProvider>
  );
}

function SignInForm({
  search,
  tenant,
  onTenantChange,
  onTenantSettled,
}: {
  search: SignInSearch;
  tenant: string;
  onTenantChange: (value: string) => void;
  onTenantSettled: () => void;
}) {
  const branding = useBranding();
  usePageTitle("Sign in");
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api("POST", "/api/v1/auth/sessions", { json: { tenant: tenant.trim(), email: email.trim(), password } });
      rememberTenant(tenant.trim());
      setActingTenant(null);
      queryClient.clear();
      await navigate({ to: safeNext(search.next) });
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <div className="sign-in">
      <form className="sign-in__card" onSubmit={submit} aria-labelledby="sign-in-title">
        <div className="sign-in__brand">
          <BrandMark size="large" />
        </div>
        <h1 id="sign-in-title" className="sign-in__title">
          Sign in
        </h1>
        {search.reason ? (
          <p className="banner banner--info" role="status">
            {REASONS[search.reason]}
          </p>
        ) : null}
        <ErrorBanner error={error} />
        <label className="field">
          <span className="field__label">Organisation</span>
          <input
            name="tenant"
            autoComplete="organization"
            required
            value={tenant}
            onChange={(event) => onTenantChange(event.target.value)}
            onBlur={onTenantSettled}
            placeholder="e.g. harbor"
          />
          <span className="field__hint">Your company's short name in {branding.product_name}.</span>
        </label>
        <label className="field">
          <span className="field__label">Email</span>
          <input
            name="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
        <label className="field">
          <span className="field__label">Password</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        <button type="submit" className="button button--primary button--block" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
        <SignInHelp />
      </form>
    </div>
  );
}

function SignInHelp() {
  const branding = useBranding();
  const contact = branding.support_email ?? branding.support_phone;
  return (
    <p className="sign-in__help" data-testid="sign-in-support">
      Trouble signing in?{" "}
      {branding.support_email ? (
        <a href={`mailto:${branding.support_email}`}>Contact {branding.support_email}</a>
      ) : contact ? (
        <span>Call {contact}</span>
      ) : (
        <span>Ask your administrator for an invitation or a new password.</span>
      )}
      {branding.support_url ? (
        <>
          {" · "}
          <a href={branding.support_url} target="_blank" rel="noreferrer">
            Help centre
          </a>
        </>
      ) : null}
    </p>
  );
}
