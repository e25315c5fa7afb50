import { queryOptions, useQueries, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { api } from "../api/client.ts";
import { PEOPLE_PAGE_MAX, PeoplePage, type Person, type User } from "../contract.ts";
import { useCan, useMe } from "../session/me.ts";
import { usersQuery } from "../settings/settings-queries.ts";
import { type ActorRef, actorLabel } from "./actor.ts";
import { createPersonLookup } from "./person-lookup.ts";

/** The directory's first page: everyone, in most tenants; in larger ones pickers search the server for the rest. */
const DIRECTORY_LIMIT = PEOPLE_PAGE_MAX;

/** The people directory (tasks:read): the tenant's active people by name, for pickers. */
export const peopleQuery = queryOptions({
  queryKey: ["people"],
  queryFn: ({ signal }) => api("GET", "/api/v1/people", { query: { limit: DIRECTORY_LIMIT }, schema: PeoplePage, signal }),
});

const lookUpPerson = createPersonLookup(
  async (ids) =>
    (await api("GET", "/api/v1/people", { query: { id: ids.join(","), limit: ids.length }, schema: PeoplePage })).data,
  { max: PEOPLE_PAGE_MAX, waitMs: 10 },
);

/** One person by id, from the directory: null when no active person has it (disabled, or never was). */
export const personQuery = (id: string) =>
  queryOptions({ queryKey: ["people", "id", id], queryFn: () => lookUpPerson(id), staleTime: 5 * 60_000 });

export type People = {
  /** The tenant's active people by name, from the directory (tasks:read) or else the users (users:read); else null. */
  active: Person[] | null;
  /** `active` is everyone; when not, it is the directory's first page and pickers search the server. */
  complete: boolean;
  /** A person's name; else `fallback` (what was recorded of them, e.g. their email), else their id. */
  nameOf: (id: string, fallback?: string | null) => string;
  /** The person with this id, when the lists (or a look-up) hold them; a look-up is asked for otherwise. */
  find: (id: string) => Person | undefined;
  /** Who acted: a user by name (falling back to their recorded label), anyone else by their label. */
  actorName: (actor: ActorRef) => string;
  /** Whether someone is an active person of the tenant; null while that is not known yet. */
  isActive: (id: string) => boolean | null;
  /** Still fetching the list the caller may see. */
  loading: boolean;
  error: unknown;
};

const byName = (a: Person, b: Person) => a.name.localeCompare(b.name, undefined, { sensitivity: "base" });
const toPerson = ({ id, name, email, roles }: Person | User): Person => ({ id, name, email, roles });

/**
 * The tenant's people, to pick from and to name: delegates, queue members, assignees, deciders.
 * Someone the loaded lists do not hold (the directory is cut off at its first page) is looked up
 * by id, in one request for everyone the page asks about, and named once the answer comes.
 */
export function usePeople(): People {
  const me = useMe();
  const can = useCan();
  const directory = useQuery({ ...peopleQuery, enabled: can("tasks:read") });
  // Administrators also see disabled users, so history still names them.
  const users = useQuery({ ...usersQuery, enabled: can("users:read") });
  const all = users.data?.data ?? null;
  const active =
    directory.data?.data ??
    (all
      ? all
          .filter((user) => user.status === "active")
          .map(toPerson)
          .sort(byName)
      : null);
  const complete = directory.data ? directory.data.next_cursor === null : all !== null;
  // Only a cut-off directory leaves anyone out; the users list (administrators) has everyone.
  const lookUp = Boolean(directory.data?.next_cursor) && all === null;

  // Ids asked about while rendering that the lists do not hold: looked up after the render.
  const asked = useRef(new Set<string>());
  const [wanted, setWanted] = useState<readonly string[]>([]);
  const lookups = useQueries({ queries: wanted.map((id) => ({ ...personQuery(id), enabled: lookUp })) });
  useEffect(() => {
    const more = [...asked.current].filter((id) => !wanted.includes(id));
    if (more.length > 0) setWanted([...wanted, ...more]);
  });
  const looked = new Map<string, Person | null>();
  for (const [index, id] of wanted.entries()) {
    const data = lookups[index]?.data;
    if (data !== undefined) looked.set(id, data);
  }

  const known = (id: string): Person | User | undefined =>
    all?.find((user) => user.id === id) ??
    active?.find((person) => person.id === id) ??
    looked.get(id) ??
    (me.user?.id === id ? me.user : undefined);
  const ask = (id: string) => {
    if (lookUp && !looked.has(id)) asked.current.add(id);
  };
  const nameOf = (id: string, fallback?: string | null) => {
    const person = known(id);
    if (person) return person.name;
    ask(id);
    return fallback ?? id;
  };
  return {
    active,
    complete,
    find: (id) => {
      const person = known(id);
      if (!person) ask(id);
      return person && toPerson(person);
    },
    nameOf,
    actorName: (actor) => (actor.type === "user" ? nameOf(actor.id, actor.label) : actorLabel(actor)),
    isActive: (id) => {
      const user = all?.find((candidate) => candidate.id === id);
      if (user) return user.status === "active";
      if (active?.some((person) => person.id === id) || looked.get(id)) return true;
      if (complete || looked.get(id) === null) return false;
      ask(id);
      return null;
    },
    loading: active === null && (directory.isLoading || users.isLoading),
    error: active === null ? (directory.error ?? users.error) : null,
  };
}
