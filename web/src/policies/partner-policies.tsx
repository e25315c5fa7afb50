import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { PolicySet } from "../contract.ts";
import { ErrorBanner } from "../ui/error-banner.tsx";
import { Loading } from "../ui/loading.tsx";
import { TimeAgo } from "../ui/time-ago.tsx";
import { draftOf } from "./policy-draft.ts";
import { PolicyEditor } from "./policy-editor.tsx";
import { partnerPoliciesQuery, partnerPolicyVersionsQuery } from "./policy-queries.ts";
import { VersionsTable } from "./policy-versions.tsx";

/** For partner admins: the policies every tenant of the partner has in force until it saves its own. */
export function PartnerPolicies({ partnerName }: { partnerName: string }) {
  const policies = useQuery(partnerPoliciesQuery);
  return (
    <section className="panel" aria-labelledby="partner-policies">
      <h2 id="partner-policies" className="panel__title">
        Partner defaults: {partnerName}
      </h2>
      <ErrorBanner error={policies.error} />
      {policies.isPending ? <Loading /> : null}
      {policies.data ? <PartnerPolicyForm set={policies.data} partnerName={partnerName} /> : null}
      {policies.data ? <PartnerVersions inForce={policies.data.source === "partner" ? policies.data.version : null} /> : null}
    </section>
  );
}

/** Every saved version of the partner's defaults, newest first, with who saved it and what it changed. */
function PartnerVersions({ inForce }: { inForce: number | null }) {
  const versions = useQuery(partnerPolicyVersionsQuery);
  return (
    <>
      <h3 id="partner-policy-versions">Partner default versions</h3>
      <ErrorBanner error={versions.error} />
      {versions.isPending ? <Loading /> : null}
      {versions.data?.data.length === 0 ? <p className="empty">No versions saved yet: every save here makes one.</p> : null}
      {versions.data && versions.data.data.length > 0 ? (
        <VersionsTable versions={versions.data.data} testId="partner-policy-versions" inForce={inForce} />
      ) : null}
    </>
  );
}

function PartnerPolicyForm({ set, partnerName }: { set: PolicySet; partnerName: string }) {
  const [draft, setDraft] = useState(() => draftOf(set));
  return (
    <>
      <p className="muted" data-testid="partner-policies-state">
        Apply to every tenant of {partnerName} that has not saved policies of its own; each save is recorded in every tenant's
        audit trail.{" "}
        {set.source === "partner" ? (
          <>
            Version {set.version}, saved by {set.updated_by?.label ?? set.updated_by?.id} <TimeAgo value={set.updated_at} />.
          </>
        ) : (
          "None saved yet: Crossdock's defaults apply, and are shown below to start from."
        )}
      </p>
      <PolicyEditor owner="partner" saved={set} draft={draft} onDraftChange={setDraft} editable testId="partner-policy-editor" />
    </>
  );
}
