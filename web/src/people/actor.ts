/** Who did something, as the API records it: a type, an id, and the label they had then (a user's email, a key's name). */
export type ActorRef = { type: string; id: string; label?: string | null | undefined };

/** "user:usr_…" (as run timelines and runs' `started_by` say it) → { type: "user", id: "usr_…" }. */
export function parseActorRef(ref: string, label?: string | null): ActorRef {
  const colon = ref.indexOf(":");
  return colon < 0 ? { type: "unknown", id: ref, label } : { type: ref.slice(0, colon), id: ref.slice(colon + 1), label };
}

/** How to say who someone other than a user is: their label, or else what they are. */
export function actorLabel(actor: ActorRef): string {
  if (actor.label) return actor.label;
  switch (actor.type) {
    case "api_key":
      return `API key ${actor.id}`;
    case "operator":
      return "the operator";
    default:
      return actor.id;
  }
}
