import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Invitation, InvitationPreview } from "../../modules/tenancy/index.ts";
import { type ReceivedMail, type SmtpTestServer, startSmtpTestServer } from "../../platform/testing/smtp-test-server.ts";
import { createPartnerFixture, type PartnerFixture } from "../testing/partner-fixture.ts";
import { createTestServer, type TestServer } from "../testing/test-server.ts";

const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
const PUBLIC_URL = "https://ops.example.com";

const tokenIn = (text: string) => /set-password\?token=([0-9a-f]{64})/.exec(text)?.[1] as string;

describe("invitations by email", () => {
  let smtp: SmtpTestServer;
  let server: TestServer;
  let f: PartnerFixture;
  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    server = await createTestServer({
      CROSSDOCK_SMTP_URL: smtp.url,
      CROSSDOCK_MAIL_FROM: "no-reply@ops.example.com",
      CROSSDOCK_PUBLIC_URL: PUBLIC_URL,
    });
    f = await createPartnerFixture(server);
    await server.request("PUT", "/api/v1/partner/branding", {
      headers: f.partnerAdmin.headers,
      json: { product_name: "NorthERP Ops", logo: `data:image/png;base64,${PNG}`, support_phone: "+1 555 0100" },
    });
    await server.request("PUT", "/api/v1/tenant/branding", {
      token: f.tenants.harbor.key,
      json: {
        product_name: "Harbor Ops",
        primary_color: "#0a7d3b",
        email_from_name: "Harbor Customer Care",
        support_email: "help@harbor.example",
      },
    });
  });
  afterAll(async () => {
    await server.close();
    await smtp.close();
  });

  const invite = (key: string, email: string, roles = ["csr"]) =>
    server.request("POST", "/api/v1/users/invitations", { token: key, json: { email, name: "Dana Doe", roles } });
  const mailTo = (email: string): ReceivedMail => {
    const mail = smtp.received.filter((m) => m.envelope.to.includes(email)).at(-1);
    if (!mail) throw new Error(`no mail to ${email}`);
    return mail;
  };

  it("emails a branded link that lets the invitee choose a password and sign in", async () => {
    const response = await invite(f.tenants.harbor.key, "dana@harbor.example");
    expect(response.status).toBe(201);
    const invitation = Invitation.parse(response.body);
    expect(invitation).toMatchObject({
      user: { email: "dana@harbor.example", roles: ["csr"], status: "active", invitation_pending: true },
      link: null,
    });
    expect(invitation.email).toEqual({ status: "sent", error: null });
    const hours = (new Date(invitation.expires_at).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);

    const mail = mailTo("dana@harbor.example");
    expect(mail.envelope.from).toBe("no-reply@ops.example.com");
    expect(mail.from).toMatch(/^"?Harbor Customer Care"? <no-reply@ops\.example\.com>$/);
    expect(mail.subject).toBe("You're invited to Harbor Ops for Harbor Industrial Supply");
    const token = tokenIn(mail.text);
    expect(mail.text).toContain(`${PUBLIC_URL}/set-password?token=${token}`);
    expect(mail.html).toContain(`${PUBLIC_URL}/set-password?token=${token}`);
    expect(mail.html).toContain("#0a7d3b");
    expect(mail.html).toContain(`<img src="${PUBLIC_URL}/api/v1/branding/logo?tenant=harbor"`);
    expect(mail.text).toContain("help@harbor.example");
    expect(mail.text).toContain("+1 555 0100");
    expect(`${mail.from}${mail.subject}${mail.text}${mail.html}`).not.toMatch(/crossdock/i);

    const preview = await server.request("GET", `/api/v1/auth/invitations/${token}`);
    expect(preview.status).toBe(200);
    expect(InvitationPreview.parse(preview.body)).toEqual({
      email: "dana@harbor.example",
      name: "Dana Doe",
      tenant: { name: "Harbor Industrial Supply", slug: "harbor" },
      expires_at: invitation.expires_at,
    });
    // Before the password is chosen, the invitee cannot sign in.
    const early = await server.request("POST", "/api/v1/auth/sessions", {
      json: { tenant: "harbor", email: "dana@harbor.example", password: "anything at all here" },
    });
    expect(early.status).toBe(401);

    const short = await server.request("POST", "/api/v1/auth/invitations/accept", { json: { token, password: "short" } });
    expect(short.status).toBe(422);
    expect(short.body.error.details[0].path).toBe("password");

    const accepted = await server.request("POST", "/api/v1/auth/invitations/accept", {
      json: { token, password: "dana's own password" },
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({
      user: { email: "dana@harbor.example", invitation_pending: false },
      expires_at: expect.any(String),
    });
    expect(accepted.headers.get("set-cookie")).toMatch(
      /crossdock_session=[0-9a-f]{64}; Max-Age=\d+; Path=\/; HttpOnly; Secure; SameSite=Lax/,
    );
    const cookie = (accepted.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const me = await server.request("GET", "/api/v1/me", { headers: { cookie } });
    expect(me.body).toMatchObject({ kind: "session", user: { email: "dana@harbor.example" } });
    expect((await server.signIn("harbor", "dana@harbor.example", "dana's own password")).cookie).toBeTruthy();

    // The link works once.
    const again = await server.request("POST", "/api/v1/auth/invitations/accept", {
      json: { token, password: "someone else's pass" },
    });
    expect(again.status).toBe(404);
    expect(again.body.error.message).toMatch(/already been used/);
    expect((await server.request("GET", `/api/v1/auth/invitations/${token}`)).status).toBe(404);
    const resend = await server.request("POST", `/api/v1/users/${invitation.user.id}/invitations`, {
      token: f.tenants.harbor.key,
    });
    expect(resend.status).toBe(409);

    const audit = await server.request("GET", `/api/v1/audit?resource_id=${invitation.user.id}`, { token: f.tenants.harbor.key });
    expect(audit.body.data.map((entry: { action: string }) => entry.action)).toEqual([
      "user.signed_in",
      "user.signed_in",
      "user.invitation_accepted",
      "user.invited",
    ]);
  });

  it("writes in Crossdock's name for a tenant nobody branded", async () => {
    const response = await invite(f.tenants.acme.key, "eve@acme.example");
    expect(response.body.email.status).toBe("sent");
    const mail = mailTo("eve@acme.example");
    expect(mail.from).toMatch(/^"?Crossdock"? <no-reply@ops\.example\.com>$/);
    expect(mail.subject).toBe("You're invited to Crossdock for Acme Supply");
    expect(mail.text).toContain(`${PUBLIC_URL}/set-password?token=`);
    expect(mail.html).toContain("#1f4e79");
    expect(mail.html).not.toContain("<img");
  });

  it("keeps the invitation when the email fails, returns the link, and can resend it", async () => {
    smtp.refuse(true);
    const response = await invite(f.tenants.bayside.key, "finn@bayside.example");
    smtp.refuse(false);
    expect(response.status).toBe(201);
    expect(response.body.email.status).toBe("failed");
    expect(response.body.email.error).toMatch(/mailbox unavailable/);
    const firstToken = tokenIn(response.body.link);
    expect(response.body.link).toBe(`${PUBLIC_URL}/set-password?token=${firstToken}`);
    const users = await server.request("GET", "/api/v1/users", { token: f.tenants.bayside.key });
    expect(users.body.data.map((user: { email: string }) => user.email)).toContain("finn@bayside.example");

    const resent = await server.request("POST", `/api/v1/users/${response.body.user.id}/invitations`, {
      token: f.tenants.bayside.key,
    });
    expect(resent.status).toBe(201);
    expect(resent.body).toMatchObject({ email: { status: "sent", error: null }, link: null });
    const secondToken = tokenIn(mailTo("finn@bayside.example").text);
    expect(secondToken).not.toBe(firstToken);
    const old = await server.request("GET", `/api/v1/auth/invitations/${firstToken}`);
    expect(old.status).toBe(404);
    expect(old.body.error.message).toMatch(/replaced/);
    expect((await server.request("GET", `/api/v1/auth/invitations/${secondToken}`)).status).toBe(200);
    const actions = (
      await server.request("GET", "/api/v1/audit?action=user.invit*", { token: f.tenants.bayside.key })
    ).body.data.map((entry: { action: string }) => entry.action);
    expect(actions).toEqual(["user.invitation_resent", "user.invited"]);
  });

  it("refuses expired links, unknown links, duplicate emails and roles beyond the inviter's", async () => {
    const response = await invite(f.tenants.acme.key, "gail@acme.example");
    const token = tokenIn(mailTo("gail@acme.example").text);
    await server.crossdock.db.orm.execute(
      sql`update tenancy.invitations set expires_at = now() - interval '1 second' where user_id = ${response.body.user.id}`,
    );
    const expired = await server.request("GET", `/api/v1/auth/invitations/${token}`);
    expect(expired.status).toBe(404);
    expect(expired.body.error.message).toMatch(/expired/);
    const accept = await server.request("POST", "/api/v1/auth/invitations/accept", {
      json: { token, password: "a long enough password" },
    });
    expect(accept.status).toBe(404);
    expect((await server.request("GET", `/api/v1/auth/invitations/${"f".repeat(64)}`)).status).toBe(404);

    expect((await invite(f.tenants.acme.key, "GAIL@acme.example")).status).toBe(409);
    const beyond = await invite(f.tenants.acme.key, "hal@acme.example", ["partner_admin"]);
    expect(beyond.status).toBe(403);
    expect(beyond.body.error.message).toContain("partner:admin");
  });
});

describe("invitations without a mail server", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
  });
  afterAll(() => server.close());

  it("says no email was sent and hands back a link on the request's origin", async () => {
    const { key } = await server.createTenantWithKey("solo");
    const response = await server.request("POST", "/api/v1/users/invitations", {
      token: key,
      json: { email: "ivy@solo.example", name: "Ivy", roles: ["viewer"] },
    });
    expect(response.status).toBe(201);
    expect(response.body.email).toEqual({ status: "not_configured", error: expect.stringContaining("CROSSDOCK_SMTP_URL") });
    expect(response.body.link).toMatch(/^http:\/\/localhost\/set-password\?token=[0-9a-f]{64}$/);
    const preview = await server.request("GET", `/api/v1/auth/invitations/${tokenIn(response.body.link)}`);
    expect(preview.body).toMatchObject({ email: "ivy@solo.example", tenant: { slug: "solo" } });
  });
});
