import { queryOptions, useSuspenseQuery } from "@tanstack/react-query";
import { api } from "../api/client.ts";
import { Me } from "../contract.ts";

export const meQuery = queryOptions({
  queryKey: ["me"],
  queryFn: ({ signal }) => api("GET", "/api/v1/me", { schema: Me, signal }),
  staleTime: 60_000,
});

/** The signed-in caller; only inside the signed-in part of the console, where it is loaded first. */
export function useMe(): Me {
  return useSuspenseQuery(meQuery).data;
}

/** Whether the signed-in user holds a scope: the console hides what the API would refuse. */
export function useCan(): (scope: string) => boolean {
  const me = useMe();
  return (scope) => me.scopes.includes(scope);
}
