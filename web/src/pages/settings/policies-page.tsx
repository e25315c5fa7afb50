import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { PolicySet } from "../../contract.ts";
import { InheritPolicies } from "../../policies/inherit-policies.tsx";
import { PartnerPolicies } from "../../policies/partner-policies.tsx";
import { changesFrom, draftOf, parseDraft } from "../../policies/policy-draft.ts";
import { PolicyEditor } from "../../policies/policy-editor.tsx";
import { PolicyInForce } from "../../policies/policy-in-force.tsx";
import { policiesQuery } from "../../policies/policy-queries.ts";
import { PolicyTestBench } from "../../policies/policy-test-bench.tsx";
import { PolicyVersions } from "../../policies/policy-versions.tsx";
import { useCan, useMe } from "../../session/me.ts";
import { ErrorBanner } from "../../ui/error-banner.tsx";
import { Loading } from "../../ui/loading.tsx";
import { PageHeader } from "../../ui/page-header.tsx";

/**
 * The action policies: which set decides this tenant's writes, its Cedar text and thresholds (edited
 * and validated here, saved as versions by policy admins, who may also go back to the inherited
 * defaults), the versions with a diff, a test bench, and — for partner admins — the partner's
 * defaults and their versions.
 */
export function PoliciesPage() {
  const can = useCan();
  const me = useMe();
  const policies = useQuery(policiesQuery);
  return (
    <>
      <PageHeader
        title="Policies"
        subtitle="What every write to a system of record must pass: done without a person, put to an approver, or refused."
        windowTitle="Policies"
      />
      <ErrorBanner error={policies.error} />
      {policies.isPending ? <Loading /> : null}
      {policies.data ? (
        <TenantPolicies
          key={me.acting_tenant?.id ?? me.tenant_id}
          set={policies.data}
          editable={can("policies:admin")}
          partner={me.partner?.name ?? null}
        />
      ) : null}
      {can("partner:admin") && me.partner ? <PartnerPolicies partnerName={me.partner.name} /> : null}
    </>
  );
}

function TenantPolicies({ set, editable, partner }: { set: PolicySet; editable: boolean; partner: string | null }) {
  const [draft, setDraft] = useState(() => draftOf(set));
  const parsed = parseDraft(draft);
  const unsaved = parsed.ok && Object.keys(changesFrom(parsed.value, set)).length > 0 ? parsed.value : null;
  return (
    <>
      <section className="panel" aria-labelledby="tenant-policies">
        <h2 id="tenant-policies" className="panel__title">
          {editable ? "Edit the policies" : "The policies"}
        </h2>
        <PolicyInForce set={set} partner={partner} />
        {editable && set.source === "tenant" ? (
          <InheritPolicies partner={partner} onInherited={(next) => setDraft(draftOf(next))} />
        ) : null}
        {editable ? null : (
          <p className="banner banner--info">
            You can read, validate and test these policies; saving them needs the <code>policies:admin</code> scope.
          </p>
        )}
        <PolicyEditor
          owner="tenant"
          saved={set}
          draft={draft}
          onDraftChange={setDraft}
          editable={editable}
          testId="tenant-policy-editor"
        />
      </section>
      <PolicyTestBench draft={unsaved} />
      <PolicyVersions inForce={set} />
    </>
  );
}
