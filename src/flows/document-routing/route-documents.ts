import type { Documents } from "../../modules/documents/index.ts";
import type { Records } from "../../modules/records/index.ts";
import type { Workflows } from "../../modules/workflows/index.ts";
import type { WriteContext } from "../../platform/actor.ts";
import type { EventBus } from "../../platform/events/event-bus.ts";
import type { StoredEvent } from "../../platform/events/event-log.ts";
import type { Logger } from "../../platform/logger.ts";
import { apCreditOf, apInvoiceOf } from "./ap-invoice-of.ts";
import { attachDeliveryProof } from "./attach-delivery-proof.ts";
import { inboundPoOf } from "./inbound-po-of.ts";
import { recordInboundShipment } from "./record-inbound-shipment.ts";
import { recordPickup } from "./record-pickup.ts";

const ROUTER: WriteContext["actor"] = { type: "system", id: "document-router", label: "document routing" };

/**
 * Routed documents into the flows that act on them, once a document goes straight through or a
 * reviewer approves it: a customer's PO starts `inbound-po-to-order`; a supplier's invoice is
 * written as an AP invoice record and starts `invoice-exception` (three-way match, then post or a
 * buyer's review); a supplier's credit note is written as an AP credit (`apCreditOf`); a supplier's
 * packing slip as an inbound shipment against its PO (`record-inbound-shipment.ts`); a bill of
 * lading as its outbound shipment's pickup (`record-pickup.ts`); a proof of
 * delivery marks its shipment delivered and resolves the shipment's
 * open delivery cases (`attach-delivery-proof.ts`). Once per document: the run's idempotency key is the document's id, and the
 * document keeps the run's id. A document not matched to a customer or supplier in the records,
 * and kinds without a flow yet, keep their proposal for a person or an integration.
 */
export function routeDocumentsToFlows(deps: {
  bus: EventBus;
  documents: Documents;
  workflows: Workflows;
  records: Records;
  logger: Logger;
}) {
  deps.bus.subscribe({
    name: "document-router",
    types: ["document.routed"],
    async handle(event: StoredEvent) {
      const document = await deps.documents.get(event.tenantId, event.subjectId);
      if (document.run_id) return;
      const ctx: WriteContext = { tenantId: event.tenantId, actor: ROUTER };
      let start: { flow: string; input: Record<string, unknown> } | null = null;
      if (document.route?.type === "sales_order_proposal") {
        const input = inboundPoOf(document);
        if (input) start = { flow: "inbound-po-to-order", input: input as unknown as Record<string, unknown> };
      } else if (document.route?.type === "delivery_proof" && document.kind === "proof_of_delivery") {
        const attached = await attachDeliveryProof(deps.records, ctx, document);
        deps.logger.info(
          { document: document.id, ...(attached ?? {}) },
          attached
            ? "a proof of delivery attached to its shipment"
            : "a proof of delivery matched to no shipment: its proposal waits",
        );
        return;
      } else if (document.route?.type === "shipment_notice" && document.kind === "ship_notice") {
        const shipment = await recordInboundShipment(deps.records, ctx, document);
        deps.logger.info(
          { document: document.id, shipment },
          shipment
            ? "a packing slip recorded as an inbound shipment"
            : "a packing slip matched to no supplier: its proposal waits",
        );
        return;
      } else if (document.route?.type === "shipment_notice" && document.kind === "bill_of_lading") {
        const pickup = await recordPickup(deps.records, ctx, document);
        deps.logger.info(
          { document: document.id, ...(pickup ?? {}) },
          pickup ? "a bill of lading recorded on its shipment" : "a bill of lading matched to no shipment: its proposal waits",
        );
        return;
      } else if (document.route?.type === "ap_invoice" && document.kind === "credit_note") {
        const credit = apCreditOf(document);
        if (credit) await deps.records.upsert(ctx, "invoice", [credit]);
        deps.logger.info(
          { document: document.id, credit: credit?.external_id ?? null },
          credit ? "a credit note recorded as an AP credit" : "a credit note matched to no supplier: its proposal waits",
        );
        return;
      } else if (document.route?.type === "ap_invoice" && document.kind === "invoice") {
        const invoice = apInvoiceOf(document);
        if (invoice) {
          await deps.records.upsert(ctx, "invoice", [invoice]);
          start = {
            flow: "invoice-exception",
            input: { source_system: invoice.source_system, invoice_external_id: invoice.external_id },
          };
        }
      }
      if (!start) {
        deps.logger.info(
          { document: document.id, route: document.route?.type },
          "a routed document no flow takes: its proposal waits",
        );
        return;
      }
      const run = await deps.workflows.startRun(ctx, { ...start, idempotency_key: `document:${document.id}` });
      await deps.documents.attachRun(ctx, document.id, (run as { id: string }).id);
    },
  });
}
