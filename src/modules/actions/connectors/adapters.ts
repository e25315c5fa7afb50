import type { Database } from "../../../platform/db/database.ts";
import { assertNever } from "../../../platform/errors.ts";
import type { Mailer } from "../../../platform/mail/mailer.ts";
import { type ConnectorKind, EdiConfig, EmailConfig, RestConfig } from "../contract/index.ts";
import { PermanentActionError } from "../errors.ts";
import type { ConnectorAdapter } from "./connector.ts";
import { createEdiConnector } from "./edi/connector.ts";
import { createEmailConnector } from "./email/connector.ts";
import { createRestConnector } from "./rest/connector.ts";
import type { TokenCache } from "./rest/oauth2.ts";

/** What adapters need: the database, the mailer, the EDI outbox, and this process's OAuth2 access tokens. */
export type AdapterDeps = { db: Database; mailer: Mailer; outboxDir: string; tokens: TokenCache };

/** The adapter for a stored connector, its config (secrets opened) checked again against its kind's schema. */
export function createAdapter(
  connector: { id: string; kind: ConnectorKind; config: unknown },
  deps: AdapterDeps,
): ConnectorAdapter {
  const invalid = (message: string) =>
    new PermanentActionError(
      "connector_misconfigured",
      `The connector's stored config is no longer valid (${message}); save it again`,
    );
  switch (connector.kind) {
    case "rest": {
      const config = RestConfig.safeParse(connector.config);
      if (!config.success) throw invalid(config.error.issues[0]?.message ?? "invalid");
      return createRestConnector({ id: connector.id, config: config.data }, deps);
    }
    case "edi": {
      const config = EdiConfig.safeParse(connector.config);
      if (!config.success) throw invalid(config.error.issues[0]?.message ?? "invalid");
      return createEdiConnector({ id: connector.id, config: config.data }, deps);
    }
    case "email": {
      const config = EmailConfig.safeParse(connector.config);
      if (!config.success) throw invalid(config.error.issues[0]?.message ?? "invalid");
      return createEmailConnector(config.data, deps);
    }
    default:
      return assertNever(connector.kind);
  }
}

/** The action kinds a connector config can carry, for the API to show. */
export function actionKindsOf(kind: ConnectorKind, config: Record<string, unknown>) {
  switch (kind) {
    case "rest":
      return Object.keys((config.endpoints as Record<string, unknown> | undefined) ?? {}).sort();
    case "edi":
      return ["edi.send", "purchase_order.create"];
    case "email":
      return ["customer_message.send", "supplier_message.send"];
    default:
      return assertNever(kind);
  }
}
