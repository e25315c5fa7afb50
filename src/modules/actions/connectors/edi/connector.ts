import type { Database } from "../../../../platform/db/database.ts";
import { type ActionKind, type ActionResult, Edi850Document, type EdiConfig, EdiDocument } from "../../contract/index.ts";
import { PermanentActionError } from "../../errors.ts";
import type { ConnectorAdapter, PreparedWrite, WriteCall } from "../connector.ts";
import { createHttpAuthorizer } from "../rest/http-auth.ts";
import type { TokenCache } from "../rest/oauth2.ts";
import { interchangeFor, markDelivered } from "./control-numbers.ts";
import { purchaseOrder850 } from "./edi-850.ts";
import { purchaseOrderAcknowledgment855 } from "./edi-855.ts";
import { deliver } from "./transport.ts";
import { type Separators, writeInterchange } from "./x12-writer.ts";

const ACTION_KINDS: readonly ActionKind[] = ["edi.send", "purchase_order.create"];

function documentOf(call: WriteCall): EdiDocument {
  const parsed =
    call.kind === "purchase_order.create"
      ? Edi850Document.safeParse({ transaction: "850", ...call.payload })
      : EdiDocument.safeParse(call.payload);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((issue) => ({
    path: ["payload", ...issue.path.map(String)].join("."),
    message: issue.message,
  }));
  throw new PermanentActionError(
    "payload_invalid",
    `The payload is not an X12 ${call.kind === "edi.send" ? "855 or 850" : "850"} document (${details[0]?.path}: ${details[0]?.message})`,
    { details },
  );
}

/** An outbound X12 writer: 855 acknowledgments and 850 purchase orders, delivered to a folder or an HTTP endpoint. */
export function createEdiConnector(
  connector: { id: string; config: EdiConfig },
  deps: { db: Database; outboxDir: string; tokens: TokenCache; now?: () => Date },
): ConnectorAdapter {
  const { config } = connector;
  const { delivery } = config;
  const timeoutMs = delivery.type === "http" ? delivery.timeout_ms : 30_000;
  const authorizer = createHttpAuthorizer(delivery.type === "http" ? delivery.auth : { type: "none" }, {
    connectorId: connector.id,
    tokens: deps.tokens,
    timeoutMs,
  });
  const separators: Separators = {
    element: config.element_separator,
    segment: config.segment_terminator,
    component: config.component_separator,
    newline: config.newline_after_segment,
  };
  const now = deps.now ?? (() => new Date());

  function render(document: EdiDocument, controlNumber: number, at: Date): string {
    const body =
      document.transaction === "855"
        ? purchaseOrderAcknowledgment855(document, separators, at.toISOString().slice(0, 10))
        : purchaseOrder850(document, separators);
    return writeInterchange(
      {
        sender: config.sender,
        receiver: config.receiver,
        applicationSender: config.application_sender ?? config.sender.id,
        applicationReceiver: config.application_receiver ?? config.receiver.id,
        controlNumber,
        usage: config.usage,
        at,
        functionalId: document.transaction === "855" ? "PR" : "PO",
        transactionSetId: document.transaction,
      },
      body,
      separators,
    );
  }

  const fileName = (transaction: string, controlNumber: number) => `${transaction}-${String(controlNumber).padStart(9, "0")}.x12`;
  const destinationOf = (transaction: string) =>
    config.delivery.type === "folder"
      ? `${config.delivery.path || "."}/${fileName(transaction, 0).replace("000000000", "<control number>")}`
      : config.delivery.url;

  return {
    kind: "edi",
    actionKinds: ACTION_KINDS,
    prepare(call: WriteCall): PreparedWrite {
      if (!ACTION_KINDS.includes(call.kind)) {
        throw new PermanentActionError(
          "connector_unsupported",
          `An EDI connector carries ${ACTION_KINDS.join(" and ")}, not ${call.kind}`,
          {
            details: [{ path: "kind", message: `not carried by an EDI connector` }],
          },
        );
      }
      const document = documentOf(call);
      return {
        preview: {
          ...(config.delivery.type === "http" ? { method: "POST", url: config.delivery.url } : {}),
          destination: destinationOf(document.transaction),
          body: render(document, 0, now()),
        },
        notes: ["the interchange control number (shown as 000000000) is assigned when it is sent"],
        compensationPreview: null,
        timeoutMs: timeoutMs * authorizer.requestsPerAttempt,
        async send(): Promise<ActionResult> {
          const interchange = await interchangeFor(
            deps.db,
            {
              tenantId: call.tenantId,
              connectorId: connector.id,
              idempotencyKey: call.idempotencyKey,
              transactionSet: document.transaction,
            },
            (controlNumber) => render(document, controlNumber, now()),
          );
          const delivered = await deliver(
            config.delivery,
            {
              fileName: fileName(document.transaction, interchange.controlNumber),
              document: interchange.document,
              idempotencyKey: call.idempotencyKey,
            },
            { outboxDir: deps.outboxDir, tenantId: call.tenantId, authorizer },
          );
          await markDelivered(deps.db, call.tenantId, connector.id, interchange.controlNumber);
          const control = String(interchange.controlNumber).padStart(9, "0");
          return {
            external_id: control,
            status: delivered.status,
            summary: `${document.transaction} interchange ${control} ${config.delivery.type === "folder" ? "written to" : "posted to"} ${delivered.destination}`,
            response: { control_number: control, destination: delivered.destination, document: interchange.document },
          };
        },
        // An interchange cannot be unsent; a correction is a new document.
        compensationFor: () => null,
      };
    },
    async compensate() {
      throw new PermanentActionError("not_compensable", "An EDI interchange cannot be unsent; send a corrected document instead");
    },
  };
}
