/**
 * Who did something. Every write names its actor, and the audit trail and event log keep it.
 * `operator` is the person at the machine running the CLI; `system` is Crossdock itself.
 */
export type ActorType = "user" | "api_key" | "operator" | "system";

export type Actor = {
  type: ActorType;
  id: string;
  /** A readable name for logs and the console: a user's email, a key's name. */
  label?: string | undefined;
};

export function actorRef(actor: Actor): string {
  return `${actor.type}:${actor.id}`;
}

/** What every tenant-scoped write carries through the layers. */
export type WriteContext = {
  tenantId: string;
  actor: Actor;
  requestId?: string | undefined;
};
