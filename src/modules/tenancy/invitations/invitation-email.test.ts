import { describe, expect, it } from "vitest";
import { EMPTY_BRANDING } from "../branding/branding-rows.ts";
import { effectiveBranding } from "../branding/effective-branding.ts";
import { invitationEmail } from "./invitation-email.ts";

const base = {
  to: { email: "dana@harbor.example", name: "Dana <Ops>" },
  tenantName: "Harbor Industrial Supply",
  inviter: "alex@harbor.example",
  link: "https://ops.harbor.example/set-password?token=abc&x=1",
  logoUrl: null,
  expiresAt: "2030-01-04T09:30:00.000Z",
};
const tenant = { name: "Harbor Industrial Supply", slug: "harbor" };

describe("the invitation email", () => {
  it("speaks in the tenant's brand and never names Crossdock when branded", () => {
    const branding = effectiveBranding(
      { ...EMPTY_BRANDING, product_name: "Harbor Ops", primary_color: "#0a7d3b", support_email: "help@harbor.example" },
      { ...EMPTY_BRANDING, email_from_name: "NorthERP Cloud", support_phone: "+1 (555) 0100" },
      tenant,
    );
    const email = invitationEmail({
      ...base,
      branding,
      logoUrl: "https://ops.harbor.example/api/v1/branding/logo?tenant=harbor",
    });
    expect(email.fromName).toBe("NorthERP Cloud");
    expect(email.subject).toBe("You're invited to Harbor Ops for Harbor Industrial Supply");
    expect(email.text).toContain(base.link);
    expect(email.text).toContain("alex@harbor.example has invited you to Harbor Ops");
    expect(email.text).toContain("Email: help@harbor.example");
    expect(email.text).toContain("Phone: +1 (555) 0100");
    expect(email.html).toContain("background:#0a7d3b");
    expect(email.html).toContain('<img src="https://ops.harbor.example/api/v1/branding/logo?tenant=harbor"');
    expect(email.html).toContain('href="https://ops.harbor.example/set-password?token=abc&amp;x=1"');
    expect(email.html).toContain("mailto:help@harbor.example");
    expect(email.html).toContain("Hello Dana &lt;Ops&gt;,");
    expect(`${email.subject}${email.text}${email.html}${email.fromName}`).not.toMatch(/crossdock/i);
  });

  it("is Crossdock's own when nobody brands it, with no logo and no support footer", () => {
    const email = invitationEmail({ ...base, branding: effectiveBranding(null, null, tenant), inviter: undefined });
    expect(email.fromName).toBe("Crossdock");
    expect(email.subject).toBe("You're invited to Crossdock for Harbor Industrial Supply");
    expect(email.text).toContain("You have been invited to Crossdock");
    expect(email.html).toContain("background:#1f4e79");
    expect(email.html).not.toContain("<img");
    expect(email.text).not.toContain("Need help?");
    expect(email.text).toContain("expires at 2030-01-04 09:30 UTC");
  });
});
