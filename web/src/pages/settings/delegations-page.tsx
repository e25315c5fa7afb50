import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Delegation } from "../../contract.ts";
import { formatTimestamp } from "../../format/format.ts";
import { usePeople } from "../../people/people.ts";
import { useCan, useMe } from "../../session/me.ts";
import { DelegationForm } from "../../settings-workflows/delegation-form.tsx";
import { delegationState, delegationsQuery, revokeDelegation } from "../../settings-workflows/delegation-queries.ts";
import { Badge, type BadgeTone } from "../../ui/badge.tsx";
import { ConfirmDialog } from "../../ui/confirm-dialog.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { ErrorBanner } from "../../ui/error-banner.tsx";
import { Loading } from "../../ui/loading.tsx";
import { PageHeader } from "../../ui/page-header.tsx";

const TONE = { active: "good", scheduled: "info", ended: "neutral", revoked: "bad" } as const satisfies Record<string, BadgeTone>;

/** Who decides for whom while they are away: the caller's delegations, or (task admins) everyone's. */
export function DelegationsPage() {
  const me = useMe();
  const can = useCan();
  const queryClient = useQueryClient();
  const people = usePeople();
  const isTaskAdmin = can("tasks:admin");
  const [everyone, setEveryone] = useState(false);
  const delegations = useQuery(delegationsQuery(everyone && isTaskAdmin));
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<Delegation | null>(null);
  const revoke = useMutation({
    mutationFn: (delegation: Delegation) => revokeDelegation(delegation.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["delegations"] });
      setRevoking(null);
    },
  });
  const mayDelegate = can("tasks:decide") && me.user !== null;
  const mayRevoke = (delegation: Delegation) =>
    mayDelegate &&
    (isTaskAdmin || delegation.user_id === me.user?.id) &&
    ["active", "scheduled"].includes(delegationState(delegation));
  return (
    <>
      <PageHeader
        title="Delegations"
        subtitle="While someone is away, a colleague decides their tasks for them."
        windowTitle="Delegations"
        actions={
          mayDelegate ? (
            <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
              Delegate my tasks
            </button>
          ) : null
        }
      />
      {isTaskAdmin ? (
        <label className="checkbox delegations__everyone">
          <input type="checkbox" checked={everyone} onChange={(event) => setEveryone(event.target.checked)} />
          <span>Show everyone's delegations</span>
        </label>
      ) : null}
      <ErrorBanner error={delegations.error ?? people.error} />
      {delegations.isPending ? <Loading /> : null}
      {delegations.data ? (
        delegations.data.data.length === 0 ? (
          <p className="panel empty">No delegations{everyone ? "" : " given or received by you"}.</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="delegations-table">
              <thead>
                <tr>
                  <th scope="col">Tasks of</th>
                  <th scope="col">Go to</th>
                  <th scope="col">From</th>
                  <th scope="col">Until</th>
                  <th scope="col">State</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {delegations.data.data.map((delegation) => {
                  const state = delegationState(delegation);
                  return (
                    <tr key={delegation.id} data-delegation-id={delegation.id}>
                      <td>{people.nameOf(delegation.user_id)}</td>
                      <td>{people.nameOf(delegation.delegate_user_id)}</td>
                      <td>{formatTimestamp(delegation.starts_at)}</td>
                      <td>{formatTimestamp(delegation.ends_at)}</td>
                      <td>
                        <Badge tone={TONE[state]}>{state}</Badge>
                      </td>
                      <td>
                        {mayRevoke(delegation) ? (
                          <button
                            type="button"
                            className="button button--small button--danger"
                            onClick={() => setRevoking(delegation)}
                          >
                            Revoke
                            <span className="visually-hidden"> delegation to {people.nameOf(delegation.delegate_user_id)}</span>
                          </button>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )
      ) : null}
      <Dialog open={creating} title="Delegate tasks" onClose={() => setCreating(false)}>
        <DelegationForm people={people} onDone={() => setCreating(false)} />
      </Dialog>
      <ConfirmDialog
        open={revoking !== null}
        title="End this delegation?"
        confirmLabel="End delegation"
        pendingLabel="Ending…"
        pending={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        onClose={() => setRevoking(null)}
      >
        {revoking ? (
          <>
            {people.nameOf(revoking.delegate_user_id)} stops deciding {people.nameOf(revoking.user_id)}'s tasks now. Decisions
            already made stay.
          </>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
