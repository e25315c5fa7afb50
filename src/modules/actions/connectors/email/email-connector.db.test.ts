import * as vitest from "vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SmtpTestServer, startSmtpTestServer } from "../../../../platform/testing/smtp-test-server.ts";
import type { ActionRequestInput } from "../../contract/index.ts";
import { PermanentActionError, RetryableActionError } from "../../errors.ts";
import { type ActionsFixture, createActionsFixture } from "../../testing/fixture.ts";
import { describeConnectorContract } from "../connector-contract.ts";

const delayNotice = (n: number) => ({
  to: "buyer@acme.example",
  subject: `Order PO-${n}: a line ships late`,
  text: "Line 2 (BRG-6204) now ships on 12 March.\n\nEverything else ships today.",
});

describeConnectorContract(vitest, "email", async () => {
  const smtp = await startSmtpTestServer();
  const fixture = await createActionsFixture({ smtpUrl: smtp.url });
  return {
    fixture,
    subject: {
      kind: "email",
      actionKind: "customer_message.send",
      unsupportedKind: "sales_order.create",
      input: { kind: "email", config: { from_name: "Harbor Customer Care" } },
      payload: delayNotice,
      invalidPayload: { payload: { to: "not an address", subject: "x", text: "y" }, path: "payload.to" },
      delivered: async () => smtp.received.length,
    },
    async close() {
      await fixture.close();
      await smtp.close();
    },
  };
});

describe("email connector against a real SMTP server", () => {
  let smtp: SmtpTestServer;
  let f: ActionsFixture;
  let unconfigured: ActionsFixture;
  let n = 0;
  const message = (payload: Record<string, unknown>): ActionRequestInput => {
    n += 1;
    return {
      kind: "supplier_message.send",
      idempotency_key: `mail-${n}`,
      connector: "mail",
      payload,
      facts: { confidence: 0.99 },
      cause: { type: "case", id: `case_${n}` },
    };
  };

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    f = await createActionsFixture({ smtpUrl: smtp.url });
    unconfigured = await createActionsFixture();
    for (const fixture of [f, unconfigured]) {
      await fixture.permissive();
      await fixture.actions.connectors.create(fixture.person("usr_it"), {
        name: "mail",
        kind: "email",
        config: { from_name: "Harbor Purchasing" },
      });
    }
  });
  afterAll(async () => {
    await f.close();
    await unconfigured.close();
    await smtp.close();
  });

  it("sends text and HTML in the connector's name, or the payload's", async () => {
    const outcome = await f.actions.execute(
      f.flow,
      message({
        to: ["ap@supplier.example", "rep@supplier.example"],
        subject: "Invoice 77 short-paid",
        text: "We paid 90 of 100 <units>.\n\nSee the credit note.",
      }),
    );
    expect(outcome).toMatchObject({
      action: { status: "succeeded", result: { summary: "sent to ap@supplier.example, rep@supplier.example" } },
    });
    const mail = smtp.received.at(-1);
    expect(mail?.envelope.to).toEqual(["ap@supplier.example", "rep@supplier.example"]);
    expect(mail?.from).toContain("Harbor Purchasing");
    expect(mail?.subject).toBe("Invoice 77 short-paid");
    expect(mail?.html).toContain("<p>We paid 90 of 100 &lt;units&gt;.</p>");
    await f.actions.execute(
      f.flow,
      message({ to: "ap@supplier.example", subject: "Hi", text: "x", from_name: "Dana at Harbor" }),
    );
    expect(smtp.received.at(-1)?.from).toContain("Dana at Harbor");
  });

  it("fails permanently when the mail server refuses, and when none is configured", async () => {
    smtp.refuse(true);
    const refused = await f.actions
      .execute(f.flow, message({ to: "ap@supplier.example", subject: "x", text: "y" }))
      .catch((e: unknown) => e);
    smtp.refuse(false);
    expect(refused).toBeInstanceOf(PermanentActionError);
    expect(refused).toMatchObject({ code: "connector_refused" });
    const none = await unconfigured.actions
      .execute(unconfigured.flow, message({ to: "ap@supplier.example", subject: "x", text: "y" }))
      .catch((e: unknown) => e);
    expect(none).toMatchObject({
      code: "connector_misconfigured",
      retryable: false,
      message: expect.stringContaining("CROSSDOCK_SMTP_URL"),
    });
  });

  it("may try again when the mail server cannot be reached", async () => {
    const down = await createActionsFixture({ smtpUrl: "smtp://127.0.0.1:9" });
    try {
      await down.permissive();
      await down.actions.connectors.create(down.person("usr_it"), { name: "mail", kind: "email" });
      const failure = await down.actions
        .execute(down.flow, message({ to: "ap@supplier.example", subject: "x", text: "y" }))
        .catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(RetryableActionError);
    } finally {
      await down.close();
    }
  });
});
