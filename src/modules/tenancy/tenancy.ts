import type { Actor, WriteContext } from "../../platform/actor.ts";
import type { Database } from "../../platform/db/database.ts";
import type { Mailer } from "../../platform/mail/mailer.ts";
import { createApiKey, listApiKeys, revokeApiKey } from "./api-keys.ts";
import { createApiKeyAuthenticator } from "./authenticate.ts";
import { getPartnerBranding, updatePartnerBranding } from "./branding/partner-branding.ts";
import { brandingFor, brandingLogo } from "./branding/public-branding.ts";
import { getTenantBranding, updateTenantBranding } from "./branding/tenant-branding.ts";
import type {
  AcceptInvitationInput,
  BrandingInput,
  CreateApiKeyInput,
  CreatePartnerInput,
  CreateTenantInput,
  CreateUserInput,
  InviteUserInput,
  PeopleQuery,
  SignInInput,
  UpdateUserInput,
} from "./contract/index.ts";
import { acceptInvitation, previewInvitation } from "./invitations/accept-invitation.ts";
import type { DeliveryOptions } from "./invitations/deliver-invitation.ts";
import { inviteUser, resendInvitation } from "./invitations/invite-user.ts";
import { describeCaller } from "./me.ts";
import { listPeople } from "./people.ts";
import type { Principal } from "./principal.ts";
import { authenticateSession, signIn, signOut } from "./sessions.ts";
import { createPartner, createTenant, findPartner, findTenant, listPartners, listTenants } from "./tenants.ts";
import { updateUser } from "./update-user.ts";
import { createUser, listUsers } from "./users.ts";

/** Partners, tenants, users and invitations, API keys, sessions, and branding. */
export function createTenancy(deps: { db: Database; sessionTtlHours: number; mailer: Mailer }) {
  const { db, sessionTtlHours, mailer } = deps;
  const apiKeys = createApiKeyAuthenticator(db);
  return {
    createPartner: (input: CreatePartnerInput) => createPartner(db, input),
    findPartner: (ref: string) => findPartner(db, ref),
    listPartners: () => listPartners(db),
    createTenant: (ctx: Omit<WriteContext, "tenantId">, input: CreateTenantInput) =>
      createTenant(db, ctx.actor, input, ctx.requestId),
    findTenant: (ref: string) => findTenant(db, ref),
    listTenants: (filter?: { partnerId?: string }) => listTenants(db, filter),
    createUser: (ctx: WriteContext, granter: Principal, input: CreateUserInput) => createUser(db, ctx, granter, input),
    updateUser: (ctx: WriteContext, granter: Principal, id: string, input: UpdateUserInput) =>
      updateUser(db, ctx, granter, id, input),
    listUsers: (tenantId: string) => listUsers(db, tenantId),
    listPeople: (tenantId: string, query: PeopleQuery) => listPeople(db, tenantId, query),
    inviteUser: (ctx: WriteContext, granter: Principal, input: InviteUserInput, options: DeliveryOptions) =>
      inviteUser(db, mailer, ctx, granter, input, options),
    resendInvitation: (ctx: WriteContext, granter: Principal, userId: string, options: DeliveryOptions) =>
      resendInvitation(db, mailer, ctx, granter, userId, options),
    previewInvitation: (token: string) => previewInvitation(db, token),
    acceptInvitation: (input: AcceptInvitationInput) => acceptInvitation(db, input, sessionTtlHours),
    createApiKey: (ctx: WriteContext, creator: Principal, input: CreateApiKeyInput) => createApiKey(db, ctx, creator, input),
    listApiKeys: (tenantId: string) => listApiKeys(db, tenantId),
    async revokeApiKey(ctx: WriteContext, id: string) {
      const key = await revokeApiKey(db, ctx, id);
      apiKeys.forget(id);
      return key;
    },
    authenticateApiKey: (token: string) => apiKeys.authenticate(token),
    signIn: (input: SignInInput) => signIn(db, input, sessionTtlHours),
    authenticateSession: (token: string) => authenticateSession(db, token, sessionTtlHours),
    signOut: (tenantId: string, sessionId: string) => signOut(db, tenantId, sessionId),
    describeCaller: (principal: Principal, actingTenantId: string | undefined) => describeCaller(db, principal, actingTenantId),
    brandingFor: (tenantRef: string | undefined) => brandingFor(db, tenantRef),
    brandingLogo: (tenantRef: string | undefined) => brandingLogo(db, tenantRef),
    getTenantBranding: (tenantId: string) => getTenantBranding(db, tenantId),
    updateTenantBranding: (ctx: WriteContext, input: BrandingInput) => updateTenantBranding(db, ctx, input),
    getPartnerBranding: (partnerId: string) => getPartnerBranding(db, partnerId),
    updatePartnerBranding: (ctx: { actor: Actor; requestId?: string | undefined }, partnerId: string, input: BrandingInput) =>
      updatePartnerBranding(db, ctx, partnerId, input),
  };
}

export type Tenancy = ReturnType<typeof createTenancy>;
