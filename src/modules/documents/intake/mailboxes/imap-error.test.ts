import { describe, expect, it } from "vitest";
import { describeImapError } from "./imap-error.ts";
import { emlName } from "./poll-mailbox.ts";

const where = { host: "imap.harbor.test", port: 993, username: "ap@harbor.test", tls: "tls" };
const timeouts = { connectMs: 15_000, greetingMs: 15_000 };
const failure = (message: string, extra: Record<string, unknown>) => Object.assign(new Error(message), extra);

describe("describeImapError", () => {
  it("says what a person setting up a mailbox can act on", () => {
    const cases: [Error, RegExp][] = [
      [
        failure("Command failed", { authenticationFailed: true, responseText: "Invalid credentials" }),
        /^imap\.harbor\.test:993 refused the sign-in of ap@harbor\.test: Invalid credentials \(check the username and password\)$/,
      ],
      [failure("connect ECONNREFUSED", { code: "ECONNREFUSED" }), /connection refused \(check the host and port\)/],
      [failure("getaddrinfo ENOTFOUND", { code: "ENOTFOUND" }), /^The host imap\.harbor\.test was not found$/],
      [failure("Connection timeout", { code: "CONNECT_TIMEOUT" }), /No connection to imap\.harbor\.test:993 within 15 s/],
      [failure("Failed to receive greeting", { code: "GREETING_TIMEOUT" }), /sent no IMAP greeting within 15 s$/],
      [failure("self-signed certificate", { code: "DEPTH_ZERO_SELF_SIGNED_CERT" }), /^TLS with imap\.harbor\.test:993 failed/],
      [failure("Command failed", { responseText: "Mailbox is locked" }), /^imap\.harbor\.test:993: Mailbox is locked$/],
    ];
    for (const [error, expected] of cases) expect(describeImapError(error, where, timeouts)).toMatch(expected);
  });

  it("suggests TLS when a plain connection gets no greeting", () => {
    const error = failure("Failed to receive greeting", { code: "GREETING_TIMEOUT" });
    expect(describeImapError(error, { ...where, tls: "none" }, timeouts)).toMatch(/\(does it expect TLS\? try tls\)$/);
  });
});

describe("emlName", () => {
  it("makes a file name of the subject, or of the UID", () => {
    expect(emlName("Invoice INV-1/2: March", 4)).toBe("Invoice INV-1 2 March.eml");
    expect(emlName("  \r\n ", 17)).toBe("message-17.eml");
    expect(emlName(undefined, 3)).toBe("message-3.eml");
    expect(emlName("x".repeat(400), 1)).toHaveLength(154);
  });
});
