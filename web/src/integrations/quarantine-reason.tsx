import type { QuarantineReason as Reason } from "../contract.ts";
import type { MappingProblem } from "./mapping-draft.ts";
import { ProblemList } from "./problem-list.tsx";
import { STAGE_LABELS } from "./receipt-status.tsx";

const STAGE_HELP: Record<Reason["stage"], string> = {
  parse: "The payload is not JSON (or not a content type webhooks carry). Correct it and replay it.",
  map: "The source's mapping found problems in the payload, each at its path. Fix the mapping and replay as is, or correct the payload.",
  validate: "Records made from the payload were refused, each problem at its place in the record.",
  process: "Processing stopped five times before finishing (a crash or a database fault). Replay it once the cause is gone.",
};

/** Why a receipt is in quarantine: where processing stopped, what it said, and each problem at its path. */
export function QuarantineReasonView({
  reason,
  problems,
  onPick,
}: {
  reason: Reason;
  /** The reason's problems, each located in the payload shown (when it can be). */
  problems: readonly MappingProblem[];
  onPick?: (problem: MappingProblem) => void;
}) {
  return (
    <div data-testid="quarantine-reason">
      <p className="banner banner--error">
        <strong>{STAGE_LABELS[reason.stage]}</strong> <span className="mono small">({reason.stage})</span>: {reason.message}
      </p>
      <p className="small muted">{STAGE_HELP[reason.stage]}</p>
      <ProblemList title="Problems" problems={problems} onPick={onPick} />
    </div>
  );
}
