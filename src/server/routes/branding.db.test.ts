import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EffectiveBranding, TenantBranding } from "../../modules/tenancy/index.ts";
import { createPartnerFixture, type PartnerFixture } from "../testing/partner-fixture.ts";
import { createTestServer, type TestServer } from "../testing/test-server.ts";

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
const pngLogo = `data:image/png;base64,${PNG.toString("base64")}`;

describe("branding through the API", () => {
  let server: TestServer;
  let f: PartnerFixture;
  beforeAll(async () => {
    server = await createTestServer();
    f = await createPartnerFixture(server);
  });
  afterAll(() => server.close());

  const auditOf = async (key: string, action: string) =>
    (await server.request("GET", `/api/v1/audit?action=${action}`, { token: key })).body.data;

  it("shows Crossdock's defaults to the sign-in page of an unknown or unnamed tenant", async () => {
    for (const path of ["/api/v1/branding", "/api/v1/branding?tenant=nobody"]) {
      const response = await server.request("GET", path);
      expect(response.status).toBe(200);
      expect(EffectiveBranding.parse(response.body)).toMatchObject({
        product_name: "Crossdock",
        primary_color: "#1f4e79",
        accent_color: "#e8a33d",
        email_from_name: "Crossdock",
        logo: null,
        tenant: null,
      });
    }
    const acme = await server.request("GET", "/api/v1/branding?tenant=acme");
    expect(acme.body).toMatchObject({ product_name: "Crossdock", tenant: { slug: "acme" } });
  });

  it("lets a partner admin brand every tenant of the partner, and records it in each of their trails", async () => {
    const put = await server.request("PUT", "/api/v1/partner/branding", {
      headers: f.partnerAdmin.headers,
      json: { product_name: "NorthERP Ops", primary_color: "#112233", logo: pngLogo, support_email: "help@north.example" },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ product_name: "NorthERP Ops", primary_color: "#112233", accent_color: null, logo: pngLogo });
    const read = await server.request("GET", "/api/v1/partner/branding", { headers: f.partnerAdmin.headers });
    expect(read.body).toEqual(put.body);

    for (const slug of ["harbor", "bayside"]) {
      const branding = await server.request("GET", `/api/v1/branding?tenant=${slug}`);
      expect(branding.body).toMatchObject({
        product_name: "NorthERP Ops",
        primary_color: "#112233",
        accent_color: "#e8a33d",
        email_from_name: "NorthERP Ops",
        support_email: "help@north.example",
        logo: pngLogo,
        sources: { product_name: "partner", accent_color: "default", logo: "partner" },
      });
    }
    // Tenants of other partners, and tenants with none, are untouched.
    expect((await server.request("GET", "/api/v1/branding?tenant=southern")).body.product_name).toBe("Crossdock");

    for (const slug of ["harbor", "bayside"] as const) {
      const [entry] = await auditOf(f.tenants[slug].key, "partner.branding_changed");
      expect(entry).toMatchObject({
        actor: { type: "user", label: "pat@north.example" },
        resource_type: "partner",
        resource_id: f.north.id,
        data: {
          before: { product_name: null, logo: null },
          after: { product_name: "NorthERP Ops", logo: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/), size: PNG.length } },
        },
      });
      expect(JSON.stringify(entry)).not.toContain("base64");
    }
    expect(await auditOf(f.tenants.southern.key, "partner.branding_changed")).toEqual([]);
    expect(await auditOf(f.tenants.acme.key, "partner.branding_changed")).toEqual([]);
  });

  it("lets a tenant override its partner's branding field by field, and clear a field back with null", async () => {
    const key = f.tenants.harbor.key;
    const put = await server.request("PUT", "/api/v1/tenant/branding", {
      token: key,
      json: { product_name: "Harbor Ops", primary_color: "#0A7D3B", email_from_name: "Harbor Customer Care" },
    });
    expect(put.status).toBe(200);
    const branding = TenantBranding.parse(put.body);
    expect(branding.tenant).toMatchObject({ product_name: "Harbor Ops", primary_color: "#0A7D3B", logo: null });
    expect(branding.partner).toMatchObject({ product_name: "NorthERP Ops" });
    expect(branding.effective).toMatchObject({
      product_name: "Harbor Ops",
      primary_color: "#0A7D3B",
      logo: pngLogo,
      email_from_name: "Harbor Customer Care",
      sources: { product_name: "tenant", primary_color: "tenant", logo: "partner", accent_color: "default" },
      tenant: { slug: "harbor" },
    });
    expect((await server.request("GET", "/api/v1/tenant/branding", { token: key })).body).toEqual(put.body);

    const cleared = await server.request("PUT", "/api/v1/tenant/branding", { token: key, json: { product_name: null } });
    expect(cleared.body.effective).toMatchObject({ product_name: "NorthERP Ops", primary_color: "#0A7D3B" });
    expect(cleared.body.effective.sources.product_name).toBe("partner");

    const [latest, first] = await auditOf(key, "tenant.branding_changed");
    expect(first.data).toMatchObject({ before: { product_name: null }, after: { product_name: "Harbor Ops" } });
    expect(latest.data).toMatchObject({ before: { product_name: "Harbor Ops" }, after: { product_name: null } });

    // A tenant without a partner has no partner branding to inherit.
    const acme = await server.request("GET", "/api/v1/tenant/branding", { token: f.tenants.acme.key });
    expect(acme.body.partner).toBeNull();
  });

  it("serves the effective logo as an image that cannot run as a page, and 404 when there is none", async () => {
    const logo = await server.crossdock.http.app.request("/api/v1/branding/logo?tenant=bayside");
    expect(logo.status).toBe(200);
    expect(logo.headers.get("content-type")).toBe("image/png");
    expect(logo.headers.get("x-content-type-options")).toBe("nosniff");
    expect(logo.headers.get("content-security-policy")).toBe("default-src 'none'; style-src 'unsafe-inline'; sandbox");
    expect(logo.headers.get("cache-control")).toMatch(/max-age=\d+/);
    expect(Buffer.from(await logo.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await server.request("GET", "/api/v1/branding/logo?tenant=acme")).status).toBe(404);
    expect((await server.request("GET", "/api/v1/branding/logo")).status).toBe(404);
  });

  it("refuses bad branding with a 422 naming the field", async () => {
    const key = f.tenants.acme.key;
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ primary_color: "red" }, "primary_color", /#rrggbb/],
      [{ logo: "data:text/html;base64,PGgxPmhpPC9oMT4=" }, "logo", /PNG, JPEG, WebP or SVG/],
      [{ logo: `data:image/png;base64,${Buffer.from("not an image at all").toString("base64")}` }, "logo", /not the image/],
      [{ logo: `data:image/png;base64,${"A".repeat(300_000)}` }, "logo", /at most 256 KB/],
      [{ support_url: "javascript:alert(1)" }, "support_url", /http/],
      [{ support_email: "nope" }, "support_email", /email/i],
      [{ shoe_size: 42 }, "shoe_size", /unknown field/],
    ];
    for (const [json, path, message] of cases) {
      const response = await server.request("PUT", "/api/v1/tenant/branding", { token: key, json });
      expect(response.status, JSON.stringify(json).slice(0, 80)).toBe(422);
      const detail = response.body.error.details.find((d: { path?: string }) => d.path === path);
      expect(detail?.message, path).toMatch(message);
    }
    expect((await server.request("GET", "/api/v1/branding?tenant=acme")).body.product_name).toBe("Crossdock");
  });

  it("needs tenant:admin to change a tenant's branding and partner:admin for the partner's", async () => {
    const { key: reader } = await server.createTenantWithKey("reader", ["tenant:read"]);
    expect((await server.request("GET", "/api/v1/tenant/branding", { token: reader })).status).toBe(200);
    const put = await server.request("PUT", "/api/v1/tenant/branding", { token: reader, json: { product_name: "X" } });
    expect(put.status).toBe(403);
    expect(put.body.error.message).toContain("tenant:admin");
    const partner = await server.request("PUT", "/api/v1/partner/branding", {
      token: f.tenants.harbor.key,
      json: { product_name: "X" },
    });
    expect(partner.status).toBe(403);
    expect(partner.body.error.message).toContain("partner:admin");
  });
});
