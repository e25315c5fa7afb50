import type { PolicySet, PolicySource } from "../contract.ts";
import { Badge } from "../ui/badge.tsx";
import { TimeAgo } from "../ui/time-ago.tsx";

const SOURCES: Record<PolicySource, { label: string; explain: (partner: string | null) => string }> = {
  tenant: {
    label: "this tenant's own",
    explain: () =>
      "This tenant saved its own policies; partner defaults and Crossdock's defaults do not apply here unless a policy admin goes back to them.",
  },
  partner: {
    label: "partner defaults",
    explain: (partner) =>
      `This tenant has no policies of its own in force, so ${partner ?? "its partner"}'s defaults decide. Saving here makes a set of its own.`,
  },
  default: {
    label: "Crossdock default",
    explain: () =>
      "Neither this tenant nor its partner has policies in force, so Crossdock's default policies decide. Saving here makes a set of its own.",
  },
};

/** Which policy set decides this tenant's writes, which version, and who saved it. */
export function PolicyInForce({ set, partner }: { set: PolicySet; partner: string | null }) {
  const source = SOURCES[set.source];
  return (
    <div className="policies-in-force" data-testid="policies-in-force">
      <p className="policies-in-force__line">
        In force: <Badge tone={set.source === "tenant" ? "good" : "info"}>{source.label}</Badge>{" "}
        <strong>{set.version === 0 ? "version 0 (built in)" : `version ${set.version}`}</strong>
        {set.updated_by ? (
          <>
            {" "}
            · saved by {set.updated_by.label ?? set.updated_by.id} <TimeAgo value={set.updated_at} />
          </>
        ) : null}
      </p>
      <p className="muted small">{source.explain(partner)}</p>
    </div>
  );
}
