import type { DocumentKind } from "../classify/document-kinds.ts";

/** Which field names a document of each kind, and which names who wrote it (tried in turn). */
const IDENTITY: Record<DocumentKind, { number: string[]; sender: string[] }> = {
  purchase_order: { number: ["po_number"], sender: ["buyer_name"] },
  invoice: { number: ["invoice_number"], sender: ["supplier_name"] },
  credit_note: { number: ["credit_note_number", "invoice_number"], sender: ["supplier_name"] },
  ship_notice: { number: ["packing_slip_number", "order_number"], sender: ["shipper_name", "supplier_name"] },
  bill_of_lading: { number: ["bol_number"], sender: ["shipper_name", "carrier"] },
  proof_of_delivery: { number: ["pro_number"], sender: ["carrier"] },
  rebate_claim: { number: ["claim_number"], sender: ["distributor_name"] },
  other: { number: [], sender: [] },
};

export type DocumentIdentity = { documentNumber: string | null; senderName: string | null; senderKey: string | null };

/** A name as a key to compare by: "ACME Supply, Inc." and "Acme Supply Inc" are one sender. */
export const senderKeyOf = (name: string) =>
  name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\b(inc|llc|ltd|gmbh|bv|b v|sa|sas|corp|co|company|the)\b/g, " ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/**
 * A document's number and its writer, as read; the writer falls back to who sent the file (an
 * email's From) when the document does not say, so a sender's documents are still told apart.
 */
export function identityOf(
  kind: DocumentKind,
  fields: Record<string, { value: string }>,
  fileSender: string | null,
): DocumentIdentity {
  const { number, sender } = IDENTITY[kind];
  const documentNumber = number.map((field) => fields[field]?.value).find((value) => value !== undefined) ?? null;
  const senderName = sender.map((field) => fields[field]?.value).find((value) => value !== undefined) ?? fileSender;
  const key = senderName ? senderKeyOf(senderName) : "";
  return { documentNumber, senderName, senderKey: key === "" ? null : key };
}
