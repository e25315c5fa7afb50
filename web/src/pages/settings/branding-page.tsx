import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import { Branding, type BrandingInput, DEFAULT_BRANDING, TenantBranding } from "../../contract.ts";
import { useCan, useMe } from "../../session/me.ts";
import { BrandingForm } from "../../settings/branding-form.tsx";
import { partnerBrandingQuery, tenantBrandingQuery } from "../../settings/settings-queries.ts";
import { ErrorBanner } from "../../ui/error-banner.tsx";
import { Loading } from "../../ui/loading.tsx";
import { PageHeader } from "../../ui/page-header.tsx";

/** White-label: what this tenant's people see, and — for partner admins — the default for all their tenants. */
export function BrandingPage() {
  const can = useCan();
  const me = useMe();
  return (
    <>
      <PageHeader
        title="Branding"
        subtitle="The product name, logo, colours and support contact on the console, the sign-in page and outgoing emails."
        windowTitle="Branding"
      />
      <TenantBrandingSection editable={can("tenant:admin")} tenantName={(me.acting_tenant ?? me.tenant)?.name ?? "this tenant"} />
      {can("partner:admin") && me.partner ? <PartnerBrandingSection partnerName={me.partner.name} /> : null}
    </>
  );
}

/** After a save, everything that shows branding reloads it. */
const refreshBranding = (queryClient: ReturnType<typeof useQueryClient>) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: ["branding"] }),
    queryClient.invalidateQueries({ queryKey: ["tenant-branding"] }),
    queryClient.invalidateQueries({ queryKey: ["partner-branding"] }),
  ]);

function TenantBrandingSection({ editable, tenantName }: { editable: boolean; tenantName: string }) {
  const queryClient = useQueryClient();
  const branding = useQuery(tenantBrandingQuery);
  const save = useMutation({
    mutationFn: (changes: BrandingInput) => api("PUT", "/api/v1/tenant/branding", { json: changes, schema: TenantBranding }),
    onSuccess: () => refreshBranding(queryClient),
  });
  if (branding.isPending) return <Loading />;
  if (branding.error) return <ErrorBanner error={branding.error} />;
  const partner = branding.data.partner;
  return (
    <section className="panel" aria-labelledby="tenant-branding">
      <h2 id="tenant-branding" className="panel__title">
        {tenantName}
      </h2>
      <p className="muted">
        {editable ? "Set what this tenant shows; empty fields use " : "Set by this tenant's admins; empty fields use "}
        {partner ? "the partner's branding, then the defaults." : "the defaults."}
      </p>
      {save.isSuccess ? (
        <p className="banner banner--good" role="status">
          Saved. The console now shows the new branding.
        </p>
      ) : null}
      <BrandingForm
        key={JSON.stringify(branding.data.tenant)}
        testId="tenant-branding-form"
        value={branding.data.tenant}
        inherited={{
          product_name: partner?.product_name ?? DEFAULT_BRANDING.product_name,
          primary_color: partner?.primary_color ?? DEFAULT_BRANDING.primary_color,
          accent_color: partner?.accent_color ?? DEFAULT_BRANDING.accent_color,
          logo: partner?.logo ?? DEFAULT_BRANDING.logo,
        }}
        editable={editable}
        saving={save.isPending}
        error={save.error}
        onSave={(changes) => save.mutate(changes)}
      />
    </section>
  );
}

function PartnerBrandingSection({ partnerName }: { partnerName: string }) {
  const queryClient = useQueryClient();
  const branding = useQuery(partnerBrandingQuery);
  const save = useMutation({
    mutationFn: (changes: BrandingInput) => api("PUT", "/api/v1/partner/branding", { json: changes, schema: Branding }),
    onSuccess: () => refreshBranding(queryClient),
  });
  if (branding.isPending) return <Loading />;
  if (branding.error) return <ErrorBanner error={branding.error} />;
  return (
    <section className="panel" aria-labelledby="partner-branding">
      <h2 id="partner-branding" className="panel__title">
        Partner default: {partnerName}
      </h2>
      <p className="muted">Applies to every tenant of {partnerName} that does not set its own.</p>
      {save.isSuccess ? (
        <p className="banner banner--good" role="status">
          Saved for every tenant of {partnerName}.
        </p>
      ) : null}
      <BrandingForm
        key={JSON.stringify(branding.data)}
        testId="partner-branding-form"
        value={branding.data}
        inherited={DEFAULT_BRANDING}
        editable
        saving={save.isPending}
        error={save.error}
        onSave={(changes) => save.mutate(changes)}
      />
    </section>
  );
}
