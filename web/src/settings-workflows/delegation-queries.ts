import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "../api/client.ts";
import { type CreateDelegationInput, Delegation } from "../contract.ts";

/** The caller's delegations (given and received), or everyone's (`all`, tasks:admin). */
export const delegationsQuery = (all: boolean) =>
  queryOptions({
    queryKey: ["delegations", all ? "all" : "mine"],
    queryFn: ({ signal }) =>
      api("GET", "/api/v1/delegations", {
        query: all ? { all: "true" } : {},
        schema: z.object({ data: z.array(Delegation) }),
        signal,
      }),
  });

export const createDelegation = (input: CreateDelegationInput) =>
  api("POST", "/api/v1/delegations", { json: input, schema: Delegation });

export const revokeDelegation = (id: string) =>
  api("DELETE", `/api/v1/delegations/${encodeURIComponent(id)}`, { schema: Delegation });

export type DelegationState = "active" | "scheduled" | "ended" | "revoked";

/** Whether a delegation covers now, later, or no more. */
export function delegationState(delegation: Delegation, now = Date.now()): DelegationState {
  if (delegation.revoked_at) return "revoked";
  if (new Date(delegation.ends_at).getTime() <= now) return "ended";
  if (new Date(delegation.starts_at).getTime() > now) return "scheduled";
  return "active";
}

/** A day picked in the form ("2026-12-24") as the instant it starts, or (`end`) ends, where the browser is. */
export function dayBoundary(day: string, end: boolean): string {
  return new Date(`${day}T${end ? "23:59:59.999" : "00:00:00"}`).toISOString();
}
