import { describe, expect, it } from "vitest";
import { generateDocuments } from "../../../demo/documents/index.ts";
import { fixtureWorld } from "../../../demo/documents/testing/fixture-world.ts";
import { Random } from "../../../demo/random.ts";
import type { DocumentKind } from "../classify/document-kinds.ts";
import { sameValue } from "../evaluate/score-lines.ts";
import { readTextPdfs } from "../testing/read-text-pdfs.ts";
import { textOf } from "../testing/text-of.ts";
import { valuesOf } from "../testing/values-of.ts";
import { extractHeader } from "./header-fields.ts";
import { HEADER_SPECS } from "./header-labels.ts";

const values = (kind: DocumentKind, lines: string[]) => valuesOf(extractHeader(kind, textOf(lines).pages));

describe("extractHeader", () => {
  it("reads a value after its label in the cell, in the next cell, or under it in a grid", () => {
    expect(
      values("purchase_order", [
        "Lone Star Plant Services                                  PURCHASE ORDER",
        " PO NUMBER        PO DATE        VENDOR NO.        TERMS        SHIP VIA",
        " 03-4500260       09/17/2025     V63173            NET45        Best way",
        "Buyer: Erin Sullivan                                  Required by: 09/24/2025",
        "Total lines: 4                                          Subtotal        240.28",
        "                                                        Sales Tax        17.42",
        "                                                        TOTAL          $257.70",
      ]),
    ).toEqual({
      po_number: "03-4500260",
      po_date: "2025-09-17",
      vendor_number: "V63173",
      terms: "NET45",
      ship_via: "Best way",
      buyer_contact: "Erin Sullivan",
      requested_date: "2025-09-24",
      line_count: "4",
      subtotal: "240.28",
      tax: "17.42",
      total: "257.70",
    });
  });

  it("does not take a number that is not of the field's type, nor a table's first amount as its total", () => {
    const found = values("purchase_order", [
      "PURCHASE ORDER   No. 06-4500299",
      "  #    Description          Quantity   Unit    Price     Total",
      "  1    Safety glasses              1    EA      3.73     $3.73",
      "Total lines: 1",
    ]);
    expect(found).toEqual({ po_number: "06-4500299", line_count: "1" });
  });

  it("reads European invoices: labels in Dutch and French, a number glued to its label, day-first dates, comma decimals", () => {
    expect(
      values("invoice", [
        "FACTUUR.                                        Coolblue B.V.",
        "Factuurnummer: 993548900",
        "Factuurdatum: 19 april 2014",
        "    Exclusief BTW      € 593,36",
        "        BTW 21%        € 124,61",
        "          Totaal       € 717,97",
      ]),
    ).toEqual({
      invoice_number: "993548900",
      invoice_date: "2014-04-19",
      subtotal: "593.36",
      tax: "124.61",
      total: "717.97",
      currency: "EUR",
    });
    expect(values("invoice", ["Facture n°562044387", "Date : 03/04/2022", "Échéance 28/04/2022"])).toMatchObject({
      invoice_number: "562044387",
      invoice_date: "2022-04-03",
    });
  });

  it("passes over a label that only begins a longer heading, whose value beside it is another field's", () => {
    // "Invoice" begins "Invoice Date": the date beside it is not the invoice's number.
    expect(values("invoice", ["Invoice Date   03/14/2025      Reference   INV-5531"])).toEqual({
      invoice_date: "2025-03-14",
      customer_reference: "INV-5531",
    });
    expect(values("invoice", ["Total HT    100,00", "TVA 20%      20,00", "Total TTC   120,00"])).toMatchObject({
      total: "120.00",
      tax: "20.00",
      subtotal: "100.00",
    });
    expect(values("invoice", ["Total Qty   2"]).total).toBeUndefined();
  });

  it("reads an invoice's references, delivery terms and a stay's days, by label, beside or under it", () => {
    expect(
      values("invoice", [
        "Invoice No : # BLR_WFLD20151000982590",
        "Order ID: OD304175096047380001",
        "Invoice Date:        Due Date:          Reference:",
        "03/20/2023           04/04/2023         CUSTREF123",
        "Please use the following communication for your payment : 202309097001",
        "Incoterm: DPU - DELIVERED AT PLACE UNLOADED",
        "Check In             Check Out          Payment Mode",
        "31/12/2023           01/01/2024         Cash at Hotel",
      ]),
    ).toMatchObject({
      invoice_number: "BLR_WFLD20151000982590",
      order_number: "OD304175096047380001",
      invoice_date: "2023-03-20",
      due_date: "2023-04-04",
      customer_reference: "CUSTREF123",
      payment_reference: "202309097001",
      incoterm: "DPU",
      service_start: "2023-12-31",
      service_end: "2024-01-01",
      payment_method: "Cash at Hotel",
    });
    // A delivery term that is no Incoterm is not read as one; a bank's account number is not the customer's.
    expect(values("invoice", ["Incoterm: FREE DELIVERY"]).incoterm).toBeUndefined();
    expect(
      values("invoice", ["Bank Name        Account No.", "HDFC Bank        00030340067212"]).customer_account,
    ).toBeUndefined();
    expect(values("invoice", ["Account No.", "296664039561"]).customer_account).toBe("296664039561");
  });

  it("reads totals at the document's foot: the last subtotal, a tax with its base, a grand total over a table's Total row", () => {
    expect(
      values("invoice", [
        "Description                 Qty      Amount",
        "Office Chair                  1       70.00",
        "                    Subtotal $ 70.00",
        "Olive Oil                     1       42.90",
        "                    Subtotal $ 42.90",
        "Total                         2      112.90",
        "",
        "                    Subtotal              $ 112.90",
        "                    Tax 15% on $ 112.90    $ 16.94",
        "                    Grand Total           $ 129.84",
      ]),
    ).toMatchObject({ subtotal: "112.90", tax: "16.94", total: "129.84", currency: "USD" });
  });

  it("reads a totals row under its columns' headings, an amount followed by what it includes, a date after the invoice's number", () => {
    expect(
      values("invoice", [
        "Facture n°562044387 du 02 Juillet 2015",
        "                          Montant EUR HT   Montant TVA   Montant EUR TTC",
        "Abonnements                        24.99          5.00             29.99",
        "Communications                      0.00          0.00              0.00",
        "Total facture                      24.99          5.00             29.99",
        "Somme à payer                                                29.99 € TTC",
      ]),
    ).toMatchObject({
      invoice_number: "562044387",
      invoice_date: "2015-07-02",
      subtotal: "24.99",
      tax: "5.00",
      total: "29.99",
      currency: "EUR",
    });
  });

  it("reads amounts in the document's number style: a German invoice's 1.250 is a thousand and more", () => {
    expect(
      values("invoice", [
        "Rechnungsnr.   30064443",
        "Rechnungsdatum 7. Mai 2014",
        "Pos 1   Menge 2   Preis 3,89   7,78",
        "Gesamtbetrag   1.250",
      ]),
    ).toMatchObject({ invoice_number: "30064443", invoice_date: "2014-05-07", total: "1250" });
  });

  it("implies an invoice's untaxed amount from its total and tax, and a receipt's number from its booking, never surely", () => {
    const aws = extractHeader(
      "invoice",
      textOf(["Invoice Number: 42183017", "   Tax *      $0.00", "   Total      $4.11"]).pages,
    );
    expect([aws.subtotal?.value, aws.subtotal?.confidence]).toEqual(["4.11", 0.5]);
    const taxed = extractHeader("invoice", textOf(["Invoice 7", "VAT 21%    € 21,00", "Total    € 121,00"]).pages);
    expect(taxed.subtotal?.value).toBe("100.00");
    // No tax printed: nothing to take off the total.
    expect(values("invoice", ["Rechnung 30064443", "Total EUR      34,73"]).subtotal).toBe("34.73");
    // A printed subtotal, or freight beside the lines, is not overridden nor guessed through.
    expect(values("invoice", ["Invoice 8", "Subtotal  90.00", "Tax  9.00", "Total  99.00"]).subtotal).toBe("90.00");
    expect(values("invoice", ["Invoice 9", "Freight  10.00", "Total  99.00"]).subtotal).toBeUndefined();
    const receipt = extractHeader(
      "invoice",
      textOf([
        "              PAYMENT RECEIPT",
        "Booking ID     Payment Mode",
        "IBZY2087       Cash at Hotel",
        "Grand Total   Rs 1939",
      ]).pages,
    );
    expect([receipt.invoice_number?.value, receipt.invoice_number?.confidence]).toEqual(["IBZY2087", 0.5]);
    // An invoice without its number is not given its order's.
    expect(values("invoice", ["INVOICE", "Order ID: OD3041750", "Total  12.00"]).invoice_number).toBeUndefined();
  });

  it("locates each value in the page's text, with a confidence that is lower for a generic label", () => {
    const document = textOf(["INVOICE", "Invoice No. FASTCO-80000", "Date 11/17/2024"]);
    const found = extractHeader("invoice", document.pages);
    const number = found.invoice_number;
    expect(document.pages[0]?.text.slice(number?.location.start, number?.location.end)).toBe("FASTCO-80000");
    expect(number?.confidence).toBe(0.9);
    // "Date" names the invoice's date only by where it stands.
    expect(found.invoice_date?.confidence).toBe(0.81);
  });

  it("reads no header field of the demo's text PDFs wrong, and over 95% of those it has labels for", async () => {
    const documents = await readTextPdfs(generateDocuments(fixtureWorld("small"), new Random(5).fork("documents")));
    let right = 0;
    let missed = 0;
    const wrong: string[] = [];
    for (const { path, truth, text } of documents) {
      const found = extractHeader(truth.kind, text.pages);
      for (const [field, value] of Object.entries(found)) {
        // The demo's truth has no currency: its world trades in dollars.
        const expected = field === "currency" ? "USD" : truth.fields[field];
        if (expected !== undefined && sameValue(value.value, expected, truth.printed[field])) right += 1;
        else wrong.push(`${path} ${field}: ${value.printed}`);
      }
      // Parties and addresses are not read yet: only fields with labels count.
      const known = new Set((HEADER_SPECS[truth.kind] ?? []).map((spec) => spec.field));
      missed += Object.keys(truth.fields).filter((field) => !(field in found) && known.has(field)).length;
    }
    expect(wrong).toEqual([]);
    expect(right / (right + missed)).toBeGreaterThan(0.95);
  });
});
