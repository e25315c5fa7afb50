import { createHash } from "node:crypto";
import type { Mailer } from "../../../../platform/mail/mailer.ts";
import { type ActionKind, type ActionResult, type EmailConfig, EmailPayload } from "../../contract/index.ts";
import { PermanentActionError, RetryableActionError } from "../../errors.ts";
import type { ConnectorAdapter, PreparedWrite, WriteCall } from "../connector.ts";

const ACTION_KINDS: readonly ActionKind[] = ["customer_message.send", "supplier_message.send"];

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Plain text as simple HTML: each blank-line paragraph a <p>, line breaks kept. */
function textToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
}

/** Email through the platform's mail server: customer and supplier messages. */
export function createEmailConnector(config: EmailConfig, deps: { mailer: Mailer }): ConnectorAdapter {
  return {
    kind: "email",
    actionKinds: ACTION_KINDS,
    prepare(call: WriteCall): PreparedWrite {
      if (!ACTION_KINDS.includes(call.kind)) {
        throw new PermanentActionError(
          "connector_unsupported",
          `An email connector carries ${ACTION_KINDS.join(" and ")}, not ${call.kind}`,
          {
            details: [{ path: "kind", message: "not carried by an email connector" }],
          },
        );
      }
      const parsed = EmailPayload.safeParse(call.payload);
      if (!parsed.success) {
        const details = parsed.error.issues.map((issue) => ({
          path: ["payload", ...issue.path.map(String)].join("."),
          message: issue.message,
        }));
        throw new PermanentActionError(
          "payload_invalid",
          `The payload is not an email (${details[0]?.path}: ${details[0]?.message})`,
          { details },
        );
      }
      const email = parsed.data;
      const to = Array.isArray(email.to) ? email.to.join(", ") : email.to;
      const fromName = email.from_name ?? config.from_name ?? "Crossdock";
      return {
        preview: { destination: to, body: { from_name: fromName, to, subject: email.subject, text: email.text } },
        notes: [],
        compensationPreview: null,
        timeoutMs: 60_000,
        async send(): Promise<ActionResult> {
          const delivery = await deps.mailer.send({
            to,
            fromName,
            subject: email.subject,
            text: email.text,
            html: email.html ?? textToHtml(email.text),
            // One Message-ID per logical email: a resend after a crash is the same message.
            messageId: `<${createHash("sha256").update(`${call.tenantId}:${call.idempotencyKey}`).digest("hex").slice(0, 32)}@crossdock>`,
          });
          switch (delivery.status) {
            case "sent":
              return { external_id: null, status: null, summary: `sent to ${to}` };
            case "not_configured":
              throw new PermanentActionError("connector_misconfigured", delivery.error);
            case "failed":
              // The mail server's 5xx is a refusal; anything else (unreachable, 4xx) may pass later.
              if (/\b5\d\d\b/.test(delivery.error)) throw new PermanentActionError("connector_refused", delivery.error);
              throw new RetryableActionError("connector_unavailable", delivery.error);
          }
        },
        // A sent email cannot be called back.
        compensationFor: () => null,
      };
    },
    async compensate() {
      throw new PermanentActionError("not_compensable", "A sent email cannot be called back; send a correction instead");
    },
  };
}
