import { describe, expect, it } from "vitest";
import { EMPTY_BRANDING } from "./branding-rows.ts";
import { effectiveBranding } from "./effective-branding.ts";

const tenant = { name: "Harbor Industrial", slug: "harbor" };

describe("effective branding", () => {
  it("is Crossdock's defaults when nobody sets anything", () => {
    expect(effectiveBranding(null, null, null)).toEqual({
      product_name: "Crossdock",
      logo: null,
      primary_color: "#1f4e79",
      accent_color: "#e8a33d",
      support_email: null,
      support_url: null,
      support_phone: null,
      email_from_name: "Crossdock",
      sources: {
        product_name: "default",
        logo: "default",
        primary_color: "default",
        accent_color: "default",
        support_email: "default",
        support_url: "default",
        support_phone: "default",
        email_from_name: "default",
      },
      tenant: null,
    });
  });

  it("takes the tenant's field over the partner's, and the partner's over the default, field by field", () => {
    const partner = {
      ...EMPTY_BRANDING,
      product_name: "NorthERP Ops",
      primary_color: "#112233",
      support_email: "help@north.example",
    };
    const own = { ...EMPTY_BRANDING, primary_color: "#aa0000", support_phone: "+1 555 0100" };
    const result = effectiveBranding(own, partner, tenant);
    expect(result).toMatchObject({
      product_name: "NorthERP Ops",
      primary_color: "#aa0000",
      accent_color: "#e8a33d",
      support_email: "help@north.example",
      support_phone: "+1 555 0100",
      // Only the slug: public branding must not tell anyone a tenant's name.
      tenant: { slug: "harbor" },
    });
    expect(result.sources).toMatchObject({
      product_name: "partner",
      primary_color: "tenant",
      accent_color: "default",
      support_email: "partner",
      support_phone: "tenant",
    });
  });

  it("sends emails in the effective product's name unless a sender name is set", () => {
    const own = { ...EMPTY_BRANDING, product_name: "Harbor Ops" };
    expect(effectiveBranding(own, null, tenant).email_from_name).toBe("Harbor Ops");
    const named = { ...own, email_from_name: "Harbor Customer Care" };
    const result = effectiveBranding(null, named, tenant);
    expect(result.email_from_name).toBe("Harbor Customer Care");
    expect(result.sources.email_from_name).toBe("partner");
  });
});
