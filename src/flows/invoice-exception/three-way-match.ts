import type { Invoice, PurchaseOrder, Receipt } from "../../modules/records/index.ts";
import { extendedMinor, fromMinor, toMinor } from "../shared/money.ts";

/** Above the PO's cost by more than this (half a percent), a price is a mismatch. */
export const PRICE_TOLERANCE = 0.005;

export type MatchIssue = {
  code: "not_on_po" | "quantity_over_received" | "price_over_po" | "total_mismatch" | "duplicate" | "no_purchase_order";
  line_number: number | null;
  message: string;
  /** How much of the invoice this issue leaves unjustified, in minor units. */
  amount_minor: number;
};

export type MatchResult = {
  matched: boolean;
  issues: MatchIssue[];
  invoice_total_minor: number;
  /** What the PO and the receipts justify paying. */
  justified_minor: number;
  currency: string;
};

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/**
 * The three-way match of a supplier invoice: each line against its purchase order line (price) and
 * what was received of it (quantity), the invoice's arithmetic, and duplicates of its number. What
 * the PO and receipts justify is what a short-pay would pay.
 */
export function threeWayMatch(
  invoice: Invoice,
  order: PurchaseOrder | null,
  receipts: readonly Receipt[],
  duplicates: readonly Pick<Invoice, "external_id" | "invoice_number">[],
): MatchResult {
  const issues: MatchIssue[] = [];
  const total = toMinor(invoice.total_amount);
  const lines = invoice.lines ?? [];
  for (const duplicate of duplicates) {
    issues.push({
      code: "duplicate",
      line_number: null,
      message: `Invoice number ${invoice.invoice_number} was already billed as ${duplicate.external_id}`,
      amount_minor: total,
    });
  }
  if (!order) {
    issues.push({
      code: "no_purchase_order",
      line_number: null,
      message: "The invoice names no purchase order Crossdock knows",
      amount_minor: total,
    });
    return { matched: false, issues, invoice_total_minor: total, justified_minor: 0, currency: invoice.currency };
  }
  const received = new Map<number, number>();
  for (const receipt of receipts) {
    if (receipt.status === "cancelled") continue;
    for (const line of receipt.lines ?? []) {
      if (line.purchase_order_line_number === null || line.purchase_order_line_number === undefined) continue;
      const good = Number(line.quantity_received) - Number(line.quantity_rejected ?? 0);
      received.set(line.purchase_order_line_number, (received.get(line.purchase_order_line_number) ?? 0) + good);
    }
  }
  let justified = 0;
  for (const line of lines) {
    const poLine =
      (order.lines ?? []).find((candidate) => candidate.line_number === line.order_line_number) ??
      (order.lines ?? []).find((candidate) => line.item_external_id && candidate.item_external_id === line.item_external_id);
    const billed = toMinor(line.extended_amount);
    if (!poLine) {
      issues.push({
        code: "not_on_po",
        line_number: line.line_number,
        message: `Line ${line.line_number} is not on PO ${order.po_number}`,
        amount_minor: billed,
      });
      continue;
    }
    const quantity = Number(line.quantity ?? poLine.quantity);
    const receivedQuantity = received.get(poLine.line_number) ?? Number(poLine.quantity_received ?? 0);
    const payableQuantity = Math.min(quantity, receivedQuantity);
    if (quantity > receivedQuantity) {
      issues.push({
        code: "quantity_over_received",
        line_number: line.line_number,
        message: `Billed ${quantity} ${line.uom ?? poLine.uom} but ${receivedQuantity} received`,
        amount_minor: extendedMinor(String(quantity - receivedQuantity), line.unit_price ?? poLine.unit_cost),
      });
    }
    const price = line.unit_price ? Number(line.unit_price) : null;
    const cost = Number(poLine.unit_cost);
    if (price !== null && price > cost * (1 + PRICE_TOLERANCE)) {
      issues.push({
        code: "price_over_po",
        line_number: line.line_number,
        message: `Billed at ${fromMinor(toMinor(line.unit_price))} a unit; the PO says ${fromMinor(toMinor(poLine.unit_cost))}`,
        amount_minor: extendedMinor(String(payableQuantity), fromMinor(toMinor(line.unit_price) - toMinor(poLine.unit_cost))),
      });
    }
    justified += extendedMinor(
      String(payableQuantity),
      price !== null && price < cost ? (line.unit_price as string) : poLine.unit_cost,
    );
  }
  const computed =
    sum(lines.map((line) => toMinor(line.extended_amount))) + toMinor(invoice.tax_amount) + toMinor(invoice.freight_amount);
  if (Math.abs(computed - total) > 1) {
    issues.push({
      code: "total_mismatch",
      line_number: null,
      message: `The lines, tax and freight add up to ${fromMinor(computed)}, not the ${invoice.total_amount} billed`,
      amount_minor: Math.abs(total - computed),
    });
  }
  justified += toMinor(invoice.tax_amount) + toMinor(invoice.freight_amount);
  return {
    matched: issues.length === 0,
    issues,
    invoice_total_minor: total,
    justified_minor: Math.min(justified, total),
    currency: invoice.currency,
  };
}
