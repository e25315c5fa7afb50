import { TENANT_SCOPES } from "../../modules/governance/index.ts";
import type { TestServer } from "./test-server.ts";

export const PARTNER_ADMIN = { email: "pat@north.example", password: "partner admin password" };

/**
 * A partner ("north") with two tenants ("harbor", "bayside"), a tenant of another partner
 * ("southern") and one with no partner ("acme"); an admin API key for each tenant, and a partner
 * admin signed in to harbor.
 */
export async function createPartnerFixture(server: TestServer) {
  const operator = server.operatorToken;
  async function ok(method: string, path: string, options: Parameters<TestServer["request"]>[2]) {
    const response = await server.request(method, path, options);
    if (response.status >= 300) throw new Error(`${method} ${path}: ${JSON.stringify(response.body)}`);
    return response.body;
  }
  const north = await ok("POST", "/api/v1/partners", { token: operator, json: { name: "NorthERP", slug: "north" } });
  const south = await ok("POST", "/api/v1/partners", { token: operator, json: { name: "South MSP", slug: "south" } });
  const tenants: Record<string, { id: string; slug: string; key: string }> = {};
  for (const [slug, name, partner] of [
    ["harbor", "Harbor Industrial Supply", "north"],
    ["bayside", "Bayside Fasteners", "north"],
    ["southern", "Southern Electrical", "south"],
    ["acme", "Acme Supply", undefined],
  ] as const) {
    const tenant = await ok("POST", "/api/v1/tenants", {
      token: operator,
      json: { name, slug, ...(partner ? { partner_id: partner } : {}) },
    });
    const key = await ok("POST", "/api/v1/api-keys", {
      token: operator,
      tenant: slug,
      json: { name: "admin", scopes: [...TENANT_SCOPES] },
    });
    tenants[slug] = { id: tenant.id, slug, key: key.secret };
  }
  await ok("POST", "/api/v1/users", {
    token: operator,
    tenant: "harbor",
    json: { ...PARTNER_ADMIN, name: "Pat Partner", roles: ["partner_admin"] },
  });
  const partnerAdmin = await server.signIn("harbor", PARTNER_ADMIN.email, PARTNER_ADMIN.password);
  return {
    north: north as { id: string },
    south: south as { id: string },
    tenants: tenants as Record<"harbor" | "bayside" | "southern" | "acme", { id: string; slug: string; key: string }>,
    partnerAdmin,
  };
}

export type PartnerFixture = Awaited<ReturnType<typeof createPartnerFixture>>;
