import type { ActionKind, ActionResult, Compensation, ConnectorKind, OutboundPreview } from "../contract/index.ts";

/** One write, as a connector sees it. */
export type WriteCall = {
  tenantId: string;
  kind: ActionKind;
  payload: Record<string, unknown>;
  /** Sent with the write (HTTP `Idempotency-Key`), so a target that honours it writes once however often we retry. */
  idempotencyKey: string;
  /** The action's id, or "dry-run". */
  actionId: string;
};

/** The write that undoes a succeeded one, as it is registered on the action. */
export type RegisteredCompensation = { kind: ActionKind; description: string; request: OutboundPreview };

/** A write rendered and ready to send. */
export type PreparedWrite = {
  /** What is sent, where: for dry runs and the audit trail. Never holds a secret. */
  preview: OutboundPreview;
  /** What the preview cannot know yet (an id the target will assign, a control number). */
  notes: string[];
  compensationPreview: (OutboundPreview & { kind: ActionKind }) | null;
  /** How long one attempt may take at most. */
  timeoutMs: number;
  /** Sends it; throws RetryableActionError or PermanentActionError. */
  send(): Promise<ActionResult>;
  /** The write that undoes it, given what the target answered; null when there is none. */
  compensationFor(result: ActionResult): RegisteredCompensation | null;
};

/**
 * The port every connector kind implements. `prepare` renders a write, refusing (with a
 * PermanentActionError) a payload or template that does not make one, before anything is stored;
 * `compensate` runs a registered compensation.
 */
export type ConnectorAdapter = {
  kind: ConnectorKind;
  actionKinds: readonly ActionKind[];
  prepare(call: WriteCall): PreparedWrite;
  compensate(compensation: Compensation, call: { tenantId: string; idempotencyKey: string }): Promise<ActionResult>;
};
