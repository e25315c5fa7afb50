import type { DocumentKind } from "../classify/document-kinds.ts";
import type { FieldValue, Route } from "../contract/documents.ts";
import type { RecordMatches } from "../validate/tolerances.ts";

const ROUTES: Record<DocumentKind, Route["type"]> = {
  purchase_order: "sales_order_proposal",
  invoice: "ap_invoice",
  credit_note: "ap_invoice",
  ship_notice: "shipment_notice",
  bill_of_lading: "shipment_notice",
  proof_of_delivery: "delivery_proof",
  rebate_claim: "rebate_claim",
  other: "none",
};

const valuesOf = (fields: Record<string, FieldValue>) =>
  Object.fromEntries(Object.entries(fields).map(([field, value]) => [field, value.value]));

/**
 * Where a document that cleared its checks (or a person approved) goes: a proposal of the kind's
 * next step — a sales order from a customer's PO, an AP invoice to post, a POD for its shipment —
 * with every value it was read with. Flows take proposals from the `document.routed` event; until
 * one does for a kind, the proposal is what a person or an integration acts on.
 */
export function routeDocument(
  kind: DocumentKind,
  fields: Record<string, FieldValue>,
  lines: { fields: Record<string, FieldValue> }[],
  documentNumber: string | null,
  senderName: string | null,
  matches: RecordMatches | null,
): Route {
  const type = ROUTES[kind];
  const values = valuesOf(fields);
  const lineValues = lines.map((line) => valuesOf(line.fields));
  const total = values.total ? `, total ${values.total}` : "";
  const who = senderName ?? "an unknown sender";
  const number = documentNumber ?? "without a number";
  const summary =
    type === "sales_order_proposal"
      ? `Sales order proposed from ${who}'s PO ${number}: ${lines.length} line${lines.length === 1 ? "" : "s"}${total}`
      : type === "ap_invoice"
        ? `${kind === "credit_note" ? "Credit note" : "Invoice"} ${number} from ${who} ready to post${total}`
        : type === "delivery_proof"
          ? `Proof of delivery for PRO ${number} to attach to its shipment`
          : type === "shipment_notice"
            ? `Shipment ${number} from ${who} to record against its order`
            : type === "rebate_claim"
              ? `Rebate claim ${number} from ${who} to submit${total}`
              : "Nothing to route";
  return {
    type,
    summary,
    payload: { kind, document_number: documentNumber, sender: senderName, matches, fields: values, lines: lineValues },
  };
}
