import type { ActorRef } from "./actor.ts";
import { usePeople } from "./people.ts";

/** Who did something: a person by name (else what was recorded of them, e.g. their email), anyone else by their label. */
export function ActorName({ actor }: { actor: ActorRef }) {
  const people = usePeople();
  return <>{people.actorName(actor)}</>;
}

/** A person by name, else `fallback` (their recorded email), else their id. */
export function PersonName({ id, fallback }: { id: string; fallback?: string | null }) {
  const people = usePeople();
  return <>{people.nameOf(id, fallback)}</>;
}
