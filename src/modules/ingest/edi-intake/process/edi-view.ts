import type {
  X12Group,
  X12Interchange,
  X12Invoice,
  X12PurchaseOrder,
  X12ShipNotice,
  X12TransactionSet,
} from "../../edi/index.ts";
import type { TradingPartner } from "../contract/index.ts";
import { extended, sum } from "../decimal.ts";

/** What a mapping over an EDI set can read besides the typed read: the partner and the envelope. */
export type EdiEnvelopeView = {
  partner: {
    name: string;
    customer_external_id: string | null;
    supplier_external_id: string | null;
    currency: string;
  };
  envelope: {
    sender_id: string;
    receiver_id: string;
    interchange_control_number: string;
    group_control_number: string;
    set_control_number: string;
    version: string;
  };
};

/** PO101 / IT101 / LIN01 as a whole number when it is one ("0003" → 3), else null. */
export function lineNumberOf(raw: string | null | undefined): number | null {
  const text = raw?.trim() ?? "";
  if (!/^\d{1,9}$/.test(text)) return null;
  return Number(text);
}

export function envelopeView(
  partner: TradingPartner,
  interchange: X12Interchange,
  group: X12Group,
  set: X12TransactionSet,
): EdiEnvelopeView {
  return {
    partner: {
      name: partner.name,
      customer_external_id: partner.customer_external_id,
      supplier_external_id: partner.supplier_external_id,
      currency: partner.currency,
    },
    envelope: {
      sender_id: interchange.senderId.trim(),
      receiver_id: interchange.receiverId.trim(),
      interchange_control_number: interchange.controlNumber.trim(),
      group_control_number: group.controlNumber.trim(),
      set_control_number: set.controlNumber.trim(),
      version: group.version,
    },
  };
}

/**
 * An 850 as its mapping reads it: the typed read, each line with `number` (PO101 as a whole number,
 * else its position) and `extended_price`, and the partner and envelope.
 */
export function purchaseOrderView(order: X12PurchaseOrder, envelope: EdiEnvelopeView) {
  return {
    ...order,
    lines: order.lines.map((line, at) => ({
      ...line,
      number: lineNumberOf(line.line_number) ?? at + 1,
      extended_price: extended(line.quantity, line.unit_price),
    })),
    ...envelope,
  };
}

/**
 * An 856 as its mapping reads it: the typed read, each shipped line with `order_line` (LIN01 as a
 * whole number, or null), `tracking_number` (the first REF CN/2I, else the bill of lading) and
 * `po_number` (the first order level's PRF01), and the partner and envelope.
 */
export function shipNoticeView(notice: X12ShipNotice, envelope: EdiEnvelopeView) {
  return {
    ...notice,
    tracking_number: notice.tracking_numbers[0] ?? notice.bill_of_lading,
    po_number: notice.lines.find((line) => line.po_number)?.po_number ?? null,
    lines: notice.lines.map((line) => ({ ...line, order_line: lineNumberOf(line.line_number) })),
    ...envelope,
  };
}

/** SAC codes of freight charges. */
const FREIGHT = new Set(["D240", "D242", "G830"]);

/**
 * An 810 as its mapping reads it: the typed read, each line with `number`, `order_line` and
 * `extended_amount` (quantity × price less its allowances plus its charges, exact), and the totals
 * a mapping cannot add up itself: `subtotal` (Σ lines), `tax_total` (Σ TXI), `freight_total`
 * (Σ SAC freight charges), with the partner and envelope.
 */
export function invoiceView(invoice: X12Invoice, envelope: EdiEnvelopeView) {
  const lines = invoice.lines.map((line, at) => {
    const gross = extended(line.quantity, line.unit_price);
    // SAC01 A subtracts, C adds; N (no allowance or charge) and others are information only.
    const adjustments = line.charges.map((charge) =>
      charge.amount === null
        ? null
        : charge.kind === "allowance"
          ? negate(charge.amount)
          : charge.kind === "charge"
            ? charge.amount
            : null,
    );
    return {
      ...line,
      number: at + 1,
      order_line: lineNumberOf(line.line_number),
      extended_amount: gross === null ? null : sum([gross, ...adjustments]),
      tax_amount: sum(line.taxes.map((tax) => tax.amount)),
    };
  });
  return {
    ...invoice,
    lines,
    subtotal: sum(lines.map((line) => line.extended_amount)),
    tax_total: sum([...invoice.taxes, ...invoice.lines.flatMap((line) => line.taxes)].map((tax) => tax.amount)),
    freight_total: sum(
      invoice.charges.filter((charge) => charge.kind === "charge" && FREIGHT.has(charge.code)).map((c) => c.amount),
    ),
    ...envelope,
  };
}

function negate(value: string): string {
  const trimmed = value.trim();
  return trimmed.startsWith("-") ? trimmed.slice(1) : `-${trimmed.replace(/^\+/, "")}`;
}
