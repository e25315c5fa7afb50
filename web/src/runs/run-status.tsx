import type { RunStatus } from "../contract.ts";
import { Badge } from "../ui/badge.tsx";

const TONE = { running: "info", waiting: "warn", succeeded: "good", failed: "bad", cancelled: "neutral", parked: "bad" } as const;

export function RunStatusBadge({ status }: { status: RunStatus }) {
  return <Badge tone={TONE[status]}>{status}</Badge>;
}
