import type { DocumentKind } from "../classify/document-kinds.ts";

/** How a header field's value is read and checked: an identifier has a digit, a date is a date, … */
export type ValueType = "id" | "date" | "amount" | "measure" | "count" | "code" | "text" | "yes-no";

export type HeaderSpec = { field: string; type: ValueType; labels: string[] };

/** Totals are on a document's last page; the rest of its header on its first. */
export const TOTALS = new Set(["subtotal", "tax", "freight", "total"]);

/** Totals' labels, in English, Dutch, French and German (invoices in Europe name the untaxed amount and the tax). */
const TOTAL_LABELS = {
  subtotal: [
    "subtotal",
    "sub total",
    "merchandise",
    "sale amount",
    "net amount",
    "untaxed amount",
    "exclusief btw",
    "totaal excl btw",
    "total ht",
    "montant ht",
    "montant eur ht",
    "nettobetrag",
    "zwischensumme",
  ],
  tax: ["tax", "sales tax", "vat", "btw", "tva", "montant tva", "mwst", "ust"],
  freight: ["freight", "shipping", "freight charges"],
  total: [
    "total",
    "grand total",
    "order total",
    "order total usd",
    "total usd",
    "total due",
    "total due usd",
    "total amount",
    "invoice total",
    "amount due",
    "amount due usd",
    "balance due",
    "total claimed",
    "total claimed usd",
    "totaal",
    "te betalen",
    "total ttc",
    "somme à payer",
    "montant ttc",
    "montant eur ttc",
    "gesamtbetrag",
    "rechnungsbetrag",
    "endbetrag",
  ],
};

/**
 * The labels (folded as `foldHeader` folds them: lower case, punctuation out) that name each header
 * field of each kind, tried in turn. A label is read with its value after it in the same cell
 * ("Terms: NET45"), in the next cell on its line, or in the cell under it (a grid's header row); a
 * label that only begins a longer heading ("Total HT" for "total") is passed over, so a general
 * label listed first does not take a more specific one's place.
 * An invoice's are also in Dutch, German and French.
 */
export const HEADER_SPECS: Partial<Record<DocumentKind, HeaderSpec[]>> = {
  purchase_order: [
    {
      field: "po_number",
      type: "id",
      labels: [
        "po number",
        "po no",
        "po #",
        "p o no",
        "order #",
        "order no",
        "order number",
        "purchase order no",
        "purchase order #",
        "no",
      ],
    },
    { field: "po_date", type: "date", labels: ["po date", "order date", "date"] },
    {
      field: "requested_date",
      type: "date",
      labels: ["required by", "need by", "req date", "expected", "delivery date", "deliver by"],
    },
    {
      field: "vendor_number",
      type: "id",
      labels: ["vendor #", "vendor no", "vendor number", "vendor id", "supplier id", "supplier no", "supplier #"],
    },
    { field: "terms", type: "code", labels: ["terms", "payment terms"] },
    { field: "ship_via", type: "text", labels: ["ship via", "shipping", "via"] },
    { field: "buyer_contact", type: "text", labels: ["buyer", "contact"] },
    { field: "line_count", type: "count", labels: ["total lines", "lines"] },
    { field: "subtotal", type: "amount", labels: TOTAL_LABELS.subtotal },
    { field: "tax", type: "amount", labels: TOTAL_LABELS.tax },
    { field: "total", type: "amount", labels: TOTAL_LABELS.total },
  ],
  invoice: [
    {
      field: "invoice_number",
      type: "id",
      labels: [
        "invoice no",
        "invoice number",
        "invoice #",
        "invoice nr",
        "factuurnummer",
        "factuur nr",
        "rechnungsnummer",
        "rechnung nr",
        "numéro de facture",
        "facture n",
        "invoice",
        "no",
      ],
    },
    {
      field: "invoice_date",
      type: "date",
      labels: ["invoice date", "factuurdatum", "rechnungsdatum", "date de facture", "dated", "date", "datum"],
    },
    {
      field: "due_date",
      type: "date",
      labels: ["due date", "vervaldatum", "fälligkeitsdatum", "date limite de paiement le", "due", "payable on or before"],
    },
    {
      field: "po_number",
      type: "id",
      labels: ["customer po", "cust po", "your po", "your order", "po number", "po #", "po no", "purchase order"],
    },
    {
      field: "customer_account",
      type: "id",
      labels: [
        "account no",
        "account number",
        "account #",
        "customer no",
        "customer #",
        "cust no",
        "customer number",
        "klantnummer",
        "kundennummer",
        "account",
      ],
    },
    { field: "terms", type: "code", labels: ["terms", "payment terms"] },
    { field: "subtotal", type: "amount", labels: TOTAL_LABELS.subtotal },
    { field: "freight", type: "amount", labels: TOTAL_LABELS.freight },
    { field: "tax", type: "amount", labels: TOTAL_LABELS.tax },
    { field: "total", type: "amount", labels: TOTAL_LABELS.total },
  ],
  bill_of_lading: [
    { field: "bol_number", type: "id", labels: ["bill of lading number", "bol number", "bol #", "bol no"] },
    { field: "ship_date", type: "date", labels: ["ship date", "date"] },
    { field: "carrier", type: "text", labels: ["carrier name", "carrier"] },
    { field: "scac", type: "code", labels: ["scac"] },
    { field: "pro_number", type: "id", labels: ["pro number", "pro #", "pro no"] },
    { field: "service_level", type: "text", labels: ["service", "service level"] },
    { field: "freight_terms", type: "text", labels: ["freight charge terms", "freight terms"] },
    { field: "order_number", type: "id", labels: ["order number", "order #", "order no"] },
    { field: "customer_po_number", type: "id", labels: ["customer po", "cust po", "po number"] },
    { field: "packages", type: "count", labels: ["# pkgs", "pkgs", "packages", "pieces"] },
    { field: "total_weight", type: "amount", labels: ["weight lb", "weight kg", "total weight", "weight"] },
    { field: "hazmat", type: "yes-no", labels: ["hazardous materials", "hazmat"] },
  ],
  proof_of_delivery: [
    { field: "pro_number", type: "id", labels: ["pro number", "pro #", "pro no"] },
    { field: "shipment_number", type: "id", labels: ["shipper ref", "shipment", "shipment number"] },
    { field: "ship_date", type: "date", labels: ["pickup date", "ship date"] },
    { field: "packages", type: "count", labels: ["pieces", "# pkgs", "packages"] },
    { field: "weight", type: "measure", labels: ["weight", "weight lb"] },
    { field: "order_number", type: "id", labels: ["shipper order", "order number"] },
    { field: "customer_po_number", type: "id", labels: ["consignee po", "customer po", "po number"] },
    { field: "receiver_name", type: "text", labels: ["print name", "received by name", "receiver"] },
  ],
  rebate_claim: [
    { field: "claim_number", type: "id", labels: ["claim number", "claim no", "claim #"] },
    { field: "claim_date", type: "date", labels: ["claim date", "date"] },
    { field: "distributor_account", type: "id", labels: ["distributor account", "account", "account no"] },
    { field: "contact", type: "text", labels: ["contact"] },
    { field: "total", type: "amount", labels: TOTAL_LABELS.total },
    { field: "line_count", type: "count", labels: ["lines", "total lines"] },
  ],
};
