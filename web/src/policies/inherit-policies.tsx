import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { PolicySet } from "../contract.ts";
import { Dialog } from "../ui/dialog.tsx";
import { ErrorBanner } from "../ui/error-banner.tsx";
import { inheritPolicies } from "./policy-queries.ts";

/**
 * For policy admins, while the tenant's own set is in force: go back to the partner's defaults (or
 * Crossdock's, without a partner), confirmed with a reason kept in the versions and the audit trail.
 */
export function InheritPolicies({ partner, onInherited }: { partner: string | null; onInherited: (set: PolicySet) => void }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const target = partner ? `the defaults of ${partner}` : "Crossdock's defaults";
  const inherit = useMutation({
    mutationFn: () => inheritPolicies(reason.trim()),
    onSuccess: async (set) => {
      setOpen(false);
      setReason("");
      onInherited(set);
      await queryClient.invalidateQueries({ queryKey: ["policies"] });
    },
  });
  return (
    <>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => setOpen(true)}>
          {partner ? "Use the partner's defaults" : "Use Crossdock's defaults"}
        </button>
      </div>
      <Dialog
        open={open}
        title={partner ? "Use the partner's defaults?" : "Use Crossdock's defaults?"}
        onClose={() => setOpen(false)}
      >
        <p>
          This tenant stops using its own policies: {target} decide its writes from now on, and change when they do. Its own
          versions stay readable, and saving here again makes a set of its own.
        </p>
        <label className="field">
          <span className="field__label">Reason (kept in the versions and the audit trail)</span>
          <textarea rows={2} value={reason} onChange={(event) => setReason(event.target.value)} />
        </label>
        <ErrorBanner error={inherit.error} />
        <div className="form-actions">
          <button
            type="button"
            className="button button--primary"
            disabled={reason.trim().length < 3 || inherit.isPending}
            onClick={() => inherit.mutate()}
          >
            Go back to the defaults
          </button>
        </div>
      </Dialog>
    </>
  );
}
