import { formatMoney } from "../shared/money.ts";
import type { MatchResult } from "./three-way-match.ts";

/** The email that disputes an invoice with its supplier, drafted from the match; the buyer may edit it. */
export function disputeEmail(args: {
  supplierName: string;
  supplierEmail: string | null;
  invoiceNumber: string;
  poNumber: string | null;
  match: MatchResult;
}): { to: string | null; subject: string; text: string } {
  const problems = args.match.issues.map(
    (issue) => `- ${issue.line_number === null ? "" : `Line ${issue.line_number}: `}${issue.message}`,
  );
  return {
    to: args.supplierEmail,
    subject: `Invoice ${args.invoiceNumber}${args.poNumber ? ` (PO ${args.poNumber})` : ""}: disputed`,
    text: [
      `Dear ${args.supplierName},`,
      "",
      `We cannot pay invoice ${args.invoiceNumber} as billed (${formatMoney(args.match.invoice_total_minor, args.match.currency)}). Checked against ${args.poNumber ? `purchase order ${args.poNumber}` : "our purchase orders"} and what we received:`,
      ...problems,
      "",
      `What we can pay today: ${formatMoney(args.match.justified_minor, args.match.currency)}. Please send a corrected invoice or a credit note.`,
    ].join("\n"),
  };
}
