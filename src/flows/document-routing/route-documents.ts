import type { DocumentDetail, Documents } from "../../modules/documents/index.ts";
import type { Records } from "../../modules/records/index.ts";
import type { Workflows } from "../../modules/workflows/index.ts";
import type { WriteContext } from "../../platform/actor.ts";
import type { EventBus } from "../../platform/events/event-bus.ts";
import type { StoredEvent } from "../../platform/events/event-log.ts";
import type { Logger } from "../../platform/logger.ts";
import type { InboundPo } from "../inbound-po-to-order/inputs.ts";
import { attachDeliveryProof } from "./attach-delivery-proof.ts";
import { recordInboundShipment } from "./record-inbound-shipment.ts";

const ROUTER: WriteContext["actor"] = { type: "system", id: "document-router", label: "document routing" };

type Values = Record<string, string>;

/** A customer's PO document as the order flow's input; null when it was not matched to a customer in the records. */
export function inboundPoOf(document: DocumentDetail): InboundPo | null {
  const matches = document.matches;
  const payload = document.route?.payload as { fields?: Values; lines?: Values[] } | undefined;
  if (!matches?.customer_external_id || !matches.source_system || !payload?.fields || !document.document_number) return null;
  const fields = payload.fields;
  const lines = (payload.lines ?? []).map((line, index) => {
    const item = matches.line_items[index] ?? undefined;
    const theirs = line.customer_part_number ?? line.buyer_part_number;
    return {
      line_number: Number.parseInt(line.line_number ?? "", 10) || index + 1,
      ...(item ? { item_external_id: item } : {}),
      ...(theirs ? { customer_part_number: theirs } : {}),
      ...(line.description ? { description: line.description.slice(0, 500) } : {}),
      quantity: line.quantity ?? "0",
      uom: line.uom ?? "EA",
      ...(line.unit_price ? { unit_price: line.unit_price } : {}),
    };
  });
  const orderDate = fields.po_date ?? document.created_at.slice(0, 10);
  return {
    source: { type: "document", ref: document.id },
    source_system: matches.source_system,
    customer_external_id: matches.customer_external_id,
    customer_po_number: document.document_number,
    order_date: orderDate,
    ...(fields.requested_date ? { requested_date: fields.requested_date } : {}),
    lines,
    // A person's approval makes the reading certain; otherwise, how sure the kind was.
    confidence: document.review?.decision === "approve" ? 1 : Math.min(1, document.kind_confidence),
    acknowledge: { via: "none" },
    requested_by: { type: "system", id: "documents", label: "document intake" },
  };
}

/** A supplier's invoice document as an AP invoice record; null when it was not matched to a supplier. */
export function apInvoiceOf(document: DocumentDetail): Record<string, unknown> | null {
  const matches = document.matches;
  const payload = document.route?.payload as { fields?: Values; lines?: Values[] } | undefined;
  const fields = payload?.fields;
  if (
    !matches?.supplier_external_id ||
    !matches.source_system ||
    !fields?.invoice_number ||
    !fields.invoice_date ||
    !fields.total
  )
    return null;
  const money = (value: string | undefined) => (value === undefined ? undefined : value);
  return {
    source_system: matches.source_system,
    // One record per supplier and invoice number: a document read again updates it.
    external_id: `${matches.supplier_external_id}:${fields.invoice_number}`.slice(0, 200),
    kind: "ap",
    invoice_number: fields.invoice_number,
    supplier_external_id: matches.supplier_external_id,
    ...(matches.purchase_order_external_id ? { purchase_order_external_id: matches.purchase_order_external_id } : {}),
    status: "open",
    invoice_date: fields.invoice_date,
    ...(fields.due_date ? { due_date: fields.due_date } : {}),
    currency: fields.currency ?? "USD",
    ...(fields.subtotal ? { subtotal: money(fields.subtotal) } : {}),
    ...(fields.tax ? { tax_amount: money(fields.tax) } : {}),
    ...(fields.freight ? { freight_amount: money(fields.freight) } : {}),
    total_amount: fields.total,
    ...(fields.terms ? { payment_terms: fields.terms.slice(0, 64) } : {}),
    notes: `Read from document ${document.id} (${document.file_name})`,
    lines: (payload?.lines ?? []).map((line, index) => {
      const number = Number.parseInt(line.line_number ?? "", 10) || index + 1;
      const item = matches.line_items[index];
      return {
        line_number: number,
        ...(item ? { item_external_id: item, order_line_number: number } : {}),
        ...(line.description ? { description: line.description.slice(0, 500) } : {}),
        ...(line.quantity ? { quantity: line.quantity } : {}),
        ...(line.uom ? { uom: line.uom } : {}),
        ...(line.unit_price ? { unit_price: line.unit_price } : {}),
        extended_amount: line.amount ?? "0",
      };
    }),
  };
}

const negated = (value: string | undefined) =>
  value === undefined ? undefined : value.startsWith("-") ? value.slice(1) : value === "0" ? value : `-${value}`;

/**
 * A supplier's credit note as an AP credit in the records: an AP invoice record of its own number,
 * its amounts negative (what the supplier owes back), referring to the invoice it credits; null when
 * it was not matched to a supplier. No flow posts it: AP applies it against the invoice.
 */
export function apCreditOf(document: DocumentDetail): Record<string, unknown> | null {
  const matches = document.matches;
  const fields = (document.route?.payload as { fields?: Values } | undefined)?.fields;
  const lines = (document.route?.payload as { lines?: Values[] } | undefined)?.lines ?? [];
  if (!matches?.supplier_external_id || !matches.source_system || !fields?.credit_note_number || !fields.total) return null;
  const date = fields.credit_date ?? document.created_at.slice(0, 10);
  return {
    source_system: matches.source_system,
    external_id: `${matches.supplier_external_id}:${fields.credit_note_number}`.slice(0, 200),
    kind: "ap",
    invoice_number: fields.credit_note_number,
    supplier_external_id: matches.supplier_external_id,
    status: "open",
    invoice_date: date,
    currency: fields.currency ?? "USD",
    ...(fields.subtotal ? { subtotal: negated(fields.subtotal) } : {}),
    ...(fields.tax ? { tax_amount: negated(fields.tax) } : {}),
    total_amount: negated(fields.total),
    ...(fields.credited_invoice ? { reference: fields.credited_invoice.slice(0, 100) } : {}),
    notes:
      `Credit note read from document ${document.id} (${document.file_name})${fields.reason ? `: ${fields.reason}` : ""}`.slice(
        0,
        4000,
      ),
    lines: lines.map((line, index) => ({
      line_number: Number.parseInt(line.line_number ?? "", 10) || index + 1,
      ...(line.description ? { description: line.description.slice(0, 500) } : {}),
      ...(line.quantity ? { quantity: line.quantity } : {}),
      ...(line.uom ? { uom: line.uom } : {}),
      ...(line.unit_price ? { unit_price: line.unit_price } : {}),
      extended_amount: negated(line.amount ?? "0"),
    })),
  };
}

/**
 * Routed documents into the flows that act on them, once a document goes straight through or a
 * reviewer approves it: a customer's PO starts `inbound-po-to-order`; a supplier's invoice is
 * written as an AP invoice record and starts `invoice-exception` (three-way match, then post or a
 * buyer's review); a supplier's credit note is written as an AP credit (`apCreditOf`); a supplier's
 * packing slip as an inbound shipment against its PO (`record-inbound-shipment.ts`); a proof of
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
