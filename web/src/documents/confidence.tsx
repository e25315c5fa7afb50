import { Badge } from "../ui/badge.tsx";
import { formatConfidence, LOW_CONFIDENCE } from "./document-labels.ts";
import type { Slot } from "./review-draft.ts";

/** A value's confidence, marked when too low to have gone straight through; a value not found says so. */
export function Confidence({ slot, compact }: { slot: Slot; compact?: boolean }) {
  if (!slot.read) return <Badge tone="bad">not found</Badge>;
  const low = slot.read.confidence < LOW_CONFIDENCE;
  return (
    <span
      className={`doc-confidence${low ? " doc-confidence--low" : ""}`}
      title={`read with confidence ${formatConfidence(slot.read.confidence)}${low ? ", below the 70% that goes straight through" : ""}`}
      data-testid="confidence"
    >
      {formatConfidence(slot.read.confidence)}
      {low ? (compact ? " !" : " low") : ""}
    </span>
  );
}
