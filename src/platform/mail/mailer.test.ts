import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SmtpTestServer, startSmtpTestServer } from "../testing/smtp-test-server.ts";
import { createMailer } from "./mailer.ts";

const message = {
  to: "dana@harbor.example",
  fromName: "Harbor Ops",
  subject: "Welcome to Harbor Ops",
  text: "Set your password: https://ops.harbor.example/set-password?token=abc",
  html: '<p>Set your password: <a href="https://ops.harbor.example/set-password?token=abc">here</a></p>',
};

describe("mailer", () => {
  let smtp: SmtpTestServer;
  beforeAll(async () => {
    smtp = await startSmtpTestServer();
  });
  afterAll(() => smtp.close());

  it("sends through the SMTP server, from the configured address in the given name", async () => {
    const mailer = createMailer({ smtpUrl: smtp.url, from: "ops@harbor.example" });
    expect(await mailer.send(message)).toEqual({ status: "sent", error: null });
    mailer.close();
    const mail = smtp.received.at(-1);
    expect(mail?.envelope).toEqual({ from: "ops@harbor.example", to: ["dana@harbor.example"] });
    expect(mail?.from).toMatch(/^"?Harbor Ops"? <ops@harbor.example>$/);
    expect(mail?.subject).toBe("Welcome to Harbor Ops");
    expect(mail?.text).toContain("https://ops.harbor.example/set-password?token=abc");
    expect(mail?.html).toContain('href="https://ops.harbor.example/set-password?token=abc"');
  });

  it("reports a refused message and an unreachable server as failures, without throwing", async () => {
    smtp.refuse(true);
    const mailer = createMailer({ smtpUrl: smtp.url, from: "ops@harbor.example" });
    const refused = await mailer.send(message);
    smtp.refuse(false);
    mailer.close();
    expect(refused.status).toBe("failed");
    expect(refused.error).toMatch(/mailbox unavailable/);
    const nowhere = createMailer({ smtpUrl: "smtp://127.0.0.1:1", from: "ops@harbor.example" });
    const unreachable = await nowhere.send(message);
    nowhere.close();
    expect(unreachable).toMatchObject({ status: "failed", error: expect.stringMatching(/ECONNREFUSED|could not be reached/) });
  });

  it("sends nothing, and says so, when no server is configured", async () => {
    const mailer = createMailer({ from: "crossdock@localhost" });
    expect(mailer.configured).toBe(false);
    expect(await mailer.send(message)).toEqual({
      status: "not_configured",
      error: expect.stringContaining("CROSSDOCK_SMTP_URL"),
    });
  });
});
