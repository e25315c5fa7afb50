import type { Actor } from "../../platform/actor.ts";
import type { Scope } from "../governance/index.ts";

/**
 * An authenticated caller: who it is, which tenant it acts in, and what it may do.
 * The operator (the CLI at the machine) may act in any tenant; a partner admin in any tenant of its partner.
 */
export type Principal = {
  kind: "api_key" | "session" | "operator";
  actor: Actor;
  /** The tenant the credential belongs to (its home tenant); null for the operator. */
  tenantId: string | null;
  /**
   * The partner of the home tenant, if it has one; null for the operator. A holder of
   * `partner:admin` may act in any tenant of this partner.
   */
  partnerId: string | null;
  scopes: readonly Scope[];
  /** For a console session: the user's roles (what approval rules and task assignments go by). */
  roles?: readonly string[] | undefined;
  /** For a console session: its id (the token's sha256), when it expires unless used, and whether this use extended it. */
  session?: { id: string; expiresAt: string; renewed: boolean } | undefined;
};
