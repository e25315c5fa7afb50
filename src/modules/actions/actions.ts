import path from "node:path";
import type { Actor, WriteContext } from "../../platform/actor.ts";
import type { Config } from "../../platform/config.ts";
import type { Database } from "../../platform/db/database.ts";
import { newId } from "../../platform/ids.ts";
import type { Logger } from "../../platform/logger.ts";
import type { Mailer } from "../../platform/mail/mailer.ts";
import { createKeyring } from "../../platform/secret-key.ts";
import { createConnectors } from "./connectors/connectors.ts";
import { createTokenCache } from "./connectors/rest/oauth2.ts";
import {
  type Action,
  type ActionOutcome,
  type ActionPage,
  ActionRequest,
  type ActionRequestInput,
  type ApprovalCheck,
  type PolicyDecision,
} from "./contract/index.ts";
import { compensateAction } from "./execute/compensate-action.ts";
import { type ExecuteOptions, executeAction } from "./execute/execute-action.ts";
import { type ActionListInput, getAction, listActions } from "./execute/list-actions.ts";
import { policyPrincipal } from "./policy/entities.ts";
import { createPolicies } from "./policy/policies.ts";
import { invalidInput } from "./validation.ts";

export type ActionsDeps = { db: Database; logger: Logger; mailer: Mailer; config: Config };

/** A person who would approve: their user id and roles. */
export type Approver = { id: string; roles: readonly string[]; label?: string | undefined };

function parseRequest(input: ActionRequestInput): ActionRequest {
  const parsed = ActionRequest.safeParse(input);
  if (!parsed.success) throw invalidInput("action request", parsed.error);
  return parsed.data;
}

/**
 * Every write to a system of record, under policy: decide, execute (idempotently, through a
 * connector, audited, with its compensation registered), compensate; the policy sets that decide
 * and the connectors that carry the writes.
 */
export function createActions(deps: ActionsDeps) {
  const { db, logger, mailer, config } = deps;
  const keyring = createKeyring({ secretKey: config.secretKey, dataDir: config.dataDir, databaseKind: db.kind });
  const connectors = createConnectors({
    db,
    mailer,
    keyring,
    outboxDir: config.ediOutboxDir ?? path.join(config.dataDir, "edi-outbox"),
    tokens: createTokenCache({ logger }),
  });
  const policies = createPolicies({ db });
  policies.warmUp();
  // A restart of this executor takes over the writes its previous incarnation left executing.
  const executeDeps = { db, policies, connectors, logger, holder: { executorId: config.executorId, incarnation: newId("inc") } };

  return {
    /** What policy says about a request now, for the caller as requester (a person with `roles`, or automation). */
    async decide(
      ctx: WriteContext,
      input: ActionRequestInput,
      options: { roles?: readonly string[] } = {},
    ): Promise<PolicyDecision> {
      const request = parseRequest(input);
      return policies.decide(ctx.tenantId, {
        principal: policyPrincipal(ctx.actor, options.roles),
        kind: request.kind,
        facts: request.facts,
        connector: request.connector,
      });
    },

    /** Whether `approver` may approve the request the caller makes; never their own. */
    async mayApprove(ctx: WriteContext, input: ActionRequestInput, approver: Approver): Promise<ApprovalCheck> {
      const request = parseRequest(input);
      const asked = {
        principal: policyPrincipal(ctx.actor),
        kind: request.kind,
        facts: request.facts,
        connector: request.connector,
      };
      const check = await policies.mayApprove(ctx.tenantId, {
        ...asked,
        approver: policyPrincipal({ type: "user", id: approver.id }, approver.roles),
      });
      if (ctx.actor.type === "user" && ctx.actor.id === approver.id) {
        return { ...check, allowed: false, reasons: ["nobody approves their own request"] };
      }
      return check;
    },

    execute: (ctx: WriteContext, request: ActionRequestInput, options?: ExecuteOptions): Promise<ActionOutcome> =>
      executeAction(executeDeps, ctx, request, options),

    compensate: (ctx: WriteContext, actionId: string, reason: string): Promise<Action> =>
      compensateAction(executeDeps, ctx, actionId, reason),

    get: (tenantId: string, id: string): Promise<Action> => getAction(db, tenantId, id),

    list: (tenantId: string, query: ActionListInput = {}): Promise<ActionPage> => listActions(db, tenantId, query),

    policies: {
      get: policies.get,
      save: policies.save,
      inherit: policies.inherit,
      versions: policies.versions,
      version: policies.version,
      validate: policies.validate,
      /** The test bench: `caller` is who asks when the input names no principal. */
      test: (ctx: WriteContext, input: Parameters<typeof policies.test>[1], options: { roles?: readonly string[] } = {}) =>
        policies.test(ctx.tenantId, input, policyPrincipal(ctx.actor, options.roles)),
      getPartner: policies.getPartner,
      partnerVersions: policies.partnerVersions,
      savePartner: (ctx: { actor: Actor; requestId?: string | undefined }, partnerId: string, input: unknown) =>
        policies.savePartner(ctx, partnerId, input),
      schema: policies.schema,
    },

    connectors: {
      create: connectors.create,
      update: connectors.update,
      remove: connectors.remove,
      list: connectors.list,
      get: connectors.get,
    },
  };
}

export type Actions = ReturnType<typeof createActions>;
