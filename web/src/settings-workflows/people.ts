import { queryOptions, useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "../api/client.ts";
import { Person } from "../contract.ts";
import { useCan, useMe } from "../session/me.ts";
import { usersQuery } from "../settings/settings-queries.ts";

/** As many as the directory gives at once: more than most tenants have people. */
const DIRECTORY_LIMIT = 200;

/** The people directory (tasks:read): the tenant's active people by name, for pickers. */
export const peopleQuery = queryOptions({
  queryKey: ["people"],
  queryFn: ({ signal }) =>
    api("GET", `/api/v1/people?limit=${DIRECTORY_LIMIT}`, { schema: z.object({ data: z.array(Person) }), signal }),
});

export type People = {
  /** The tenant's active people by name, from the directory (tasks:read) or else the users (users:read); else null. */
  active: Person[] | null;
  /** A person's name, or their id when neither list has them. */
  nameOf: (id: string) => string;
  /** Still fetching the list the caller may see. */
  loading: boolean;
  error: unknown;
};

const byName = (a: Person, b: Person) => a.name.localeCompare(b.name, undefined, { sensitivity: "base" });

/** The tenant's people, to pick from and to name: delegates, queue members, assignees. */
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
          .map(({ id, name, email, roles }) => ({ id, name, email, roles }))
          .sort(byName)
      : null);
  return {
    active,
    nameOf: (id) =>
      all?.find((user) => user.id === id)?.name ??
      active?.find((person) => person.id === id)?.name ??
      (me.user?.id === id ? me.user.name : id),
    loading: active === null && (directory.isLoading || users.isLoading),
    error: active === null ? (directory.error ?? users.error) : null,
  };
}
