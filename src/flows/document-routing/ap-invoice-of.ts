import type { DocumentDetail } from "../../modules/documents/index.ts";

type Values = Record<string, string>;

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
    // The supplier's printed remark travels with the invoice: a changed payment term or bank account is told this way.
    notes:
      `Read from document ${document.id} (${document.file_name})${fields.note ? `. The invoice notes: ${fields.note}` : ""}`.slice(
        0,
        4000,
      ),
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
