import type { DocumentKind } from "../contract/document-kinds.ts";

export { DOCUMENT_KINDS, type DocumentKind } from "../contract/document-kinds.ts";

type Cue = { pattern: RegExp; weight: number };

/**
 * What says a document is of a kind. Titles count for most when they stand in the top of the
 * first page (where a document names itself), and something anywhere on it; labels of the kind's
 * own fields add a little each, so a document without a title is still told by what it asks for.
 * Titles are in English, German, French, Dutch, Spanish and Italian, matched with or without spaces
 * between their letters ("P U R C H A S E  O R D E R", an OCR's "INVO ICE"); labels are in English.
 */
export const CUES: Record<Exclude<DocumentKind, "other">, { titles: string[]; labels: Cue[] }> = {
  purchase_order: {
    titles: ["purchase order", "bestellung", "bon de commande", "inkooporder", "orden de compra", "ordine d'acquisto"],
    labels: [
      { pattern: /\bp\.?\s?o\.?\s*(number|no\.?|#|date)/, weight: 0.6 },
      { pattern: /\b(vendor|supplier)\s*(no\.?|#|id|number)?\b/, weight: 0.4 },
      { pattern: /\b(required by|need by|req date|deliver to|expected)\b/, weight: 0.5 },
      { pattern: /\bbuyer\b/, weight: 0.3 },
      { pattern: /\bship via\b/, weight: 0.2 },
    ],
  },
  invoice: {
    titles: ["invoice", "rechnung", "facture", "factuur", "factura", "fattura"],
    labels: [
      { pattern: /\binvoice\s*(no\.?|number|#|date)/, weight: 0.8 },
      { pattern: /\b(due date|amount due|balance due|total due|payment due)\b/, weight: 0.6 },
      { pattern: /\b(remit to|bill to|sold to)\b/, weight: 0.4 },
      { pattern: /\b(subtotal|sales tax|vat|tax)\b/, weight: 0.2 },
      { pattern: /\b(customer po|your order|order ref)/, weight: 0.3 },
    ],
  },
  credit_note: {
    titles: ["credit note", "credit memo", "gutschrift", "avoir", "creditnota", "nota de crédito", "nota di credito"],
    labels: [
      { pattern: /\bcredit\s*(note|memo)\s*(no\.?|number|#|date)/, weight: 0.8 },
      { pattern: /\b(credited|credit total|original invoice|returned)\b/, weight: 0.4 },
    ],
  },
  ship_notice: {
    titles: [
      "packing slip",
      "packing list",
      "ship notice",
      "shipping notice",
      "shipment notice",
      "delivery note",
      "lieferschein",
      "bordereau de livraison",
      "pakbon",
    ],
    labels: [
      { pattern: /\b(qty|quantity)\s*shipped\b/, weight: 0.6 },
      { pattern: /\b(carton|package)s?\b/, weight: 0.2 },
      { pattern: /\b(back\s*ordered|backorder)\b/, weight: 0.4 },
    ],
  },
  bill_of_lading: {
    titles: ["bill of lading", "frachtbrief", "lettre de voiture", "vrachtbrief"],
    labels: [
      { pattern: /\bscac\b/, weight: 0.6 },
      { pattern: /\bpro\s*(number|no\.?|#)/, weight: 0.4 },
      { pattern: /\b(freight class|nmfc|handling units?|hm\b)/, weight: 0.6 },
      { pattern: /\b(ship from|consignee|shipper)\b/, weight: 0.3 },
    ],
  },
  proof_of_delivery: {
    titles: ["proof of delivery", "delivery receipt", "zustellnachweis", "preuve de livraison"],
    labels: [
      { pattern: /\b(received by|signed by|signature|consignee signature)\b/, weight: 0.5 },
      { pattern: /\b(delivered|delivery date|delivery time)\b/, weight: 0.4 },
      { pattern: /\b(exceptions?|damaged|short)\b/, weight: 0.3 },
      { pattern: /\bpro\s*(number|no\.?|#)/, weight: 0.2 },
    ],
  },
  rebate_claim: {
    titles: ["rebate claim", "ship & debit claim", "rebate", "claim"],
    labels: [
      { pattern: /\bclaim\s*(number|no\.?|#|date|period)/, weight: 0.8 },
      { pattern: /\b(rebate per unit|rebate amount|agreement|program)\b/, weight: 0.5 },
      { pattern: /\bquantity sold\b/, weight: 0.4 },
    ],
  },
};
