import type { Action } from "../contract.ts";
import { ACTION_KINDS } from "../contract.ts";
import { usePeople } from "../people/people.ts";
import { Badge } from "../ui/badge.tsx";
import { TimeAgo } from "../ui/time-ago.tsx";

const TONE = {
  succeeded: "good",
  denied: "bad",
  failed: "bad",
  awaiting_approval: "warn",
  executing: "info",
  compensated: "neutral",
  compensation_failed: "bad",
} as const;

/**
 * A result may hold a long unbroken text (the target's URL): it wraps anywhere rather than widen
 * the table past its panel. An approver's name wraps only where it must.
 */
const BREAKING = { whiteSpace: "normal", overflowWrap: "anywhere", minWidth: "14ch" } as const;
const WRAPPING = { whiteSpace: "normal", overflowWrap: "break-word" } as const;

/** What a run wrote where: each governed write, the policy that allowed it, who approved it, what came back. */
export function RunActions({ actions }: { actions: readonly Action[] }) {
  const people = usePeople();
  if (actions.length === 0) return <p className="muted">Nothing written to a system of record yet.</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="run-actions">
        <thead>
          <tr>
            <th scope="col">Write</th>
            <th scope="col">Status</th>
            <th scope="col">Decided by</th>
            <th scope="col">Result</th>
            <th scope="col">When</th>
          </tr>
        </thead>
        <tbody>
          {actions.map((action) => (
            <tr key={action.id}>
              <td className="wrap">
                {ACTION_KINDS[action.kind]?.label ?? action.kind} <span className="muted small">through {action.connector}</span>
                {action.request.summary ? <div className="muted small">{action.request.summary}</div> : null}
              </td>
              <td>
                <Badge tone={TONE[action.status]}>{action.status.replaceAll("_", " ")}</Badge>
              </td>
              <td className="small" style={WRAPPING}>
                {action.approval
                  ? `approved by ${people.actorName(action.approval.approved_by)}`
                  : action.decision
                    ? `policy: ${action.decision.policies.join(", ") || action.decision.effect}`
                    : "—"}
              </td>
              <td className="small" style={BREAKING}>
                {action.result?.summary ?? action.error?.message ?? "—"}
              </td>
              <td>
                <TimeAgo value={action.executed_at ?? action.created_at} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
