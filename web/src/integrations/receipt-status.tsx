import type { QuarantineReason, ReceiptStatus } from "../contract.ts";
import { Badge, type BadgeTone } from "../ui/badge.tsx";

const TONES: Record<ReceiptStatus, BadgeTone> = { quarantined: "bad", received: "info", processed: "good" };

/** The statuses in the order people look for them: what needs a person first. */
export const RECEIPT_STATUS_CHOICES: readonly { status: ReceiptStatus; label: string }[] = [
  { status: "quarantined", label: "quarantined" },
  { status: "received", label: "received, not processed yet" },
  { status: "processed", label: "processed" },
];

export function ReceiptStatusBadge({ status }: { status: ReceiptStatus }) {
  return <Badge tone={TONES[status]}>{status}</Badge>;
}

/** Where processing stopped, as a person reads it. */
export const STAGE_LABELS: Record<QuarantineReason["stage"], string> = {
  parse: "Did not parse",
  map: "Did not map",
  validate: "Records refused",
  process: "Processing stopped",
};
