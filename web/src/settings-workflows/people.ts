import { useQuery } from "@tanstack/react-query";
import type { User } from "../contract.ts";
import { useCan, useMe } from "../session/me.ts";
import { usersQuery } from "../settings/settings-queries.ts";

export type People = {
  /** The tenant's active users, when the caller may list them (users:read); else null. */
  active: User[] | null;
  /** A user's name, or their id when the caller cannot see the list. */
  nameOf: (id: string) => string;
  error: unknown;
};

/** The tenant's people, to pick from and to name: delegates, queue members, assignees. */
export function usePeople(): People {
  const me = useMe();
  const can = useCan();
  const users = useQuery({ ...usersQuery, enabled: can("users:read") });
  const all = users.data?.data ?? null;
  return {
    active: all ? all.filter((user) => user.status === "active") : null,
    nameOf: (id) => all?.find((user) => user.id === id)?.name ?? (me.user?.id === id ? me.user.name : id),
    error: users.error,
  };
}
