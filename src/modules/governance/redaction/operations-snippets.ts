import { type LabelledSnippet, s } from "./labelled-snippet.ts";

/**
 * The first batch's papers of the operation (PO notes, invoices and remittance, delivery notes and
 * PODs, case notes, signatures and forwarded mail), labelled as `labelled-snippets.ts` says.
 */
export const OPERATIONS_SNIPPETS: LabelledSnippet[] = [
  // Purchase order notes
  s("PO 4500012345 rev 2: qty on line 30 changed from 1,000 to 1,250. Need-by 2025-02-28. Ship complete."),
  s(
    "PO-7781 ship-to override: 77 Commerce Dr, Building C, Allentown, PA 18109. Call receiving 24h ahead at 610-555-0122.",
    ["address", "77 Commerce Dr, Building C"],
    ["address", "Allentown, PA 18109"],
    ["phone", "610-555-0122"],
  ),
  s("Note on PO 88412: buyer is Dr. Hannah Weiss (lab manager). Deliver to room 2.114, not the loading dock.", [
    "person_name",
    "Hannah Weiss",
  ]),
  s("Blanket PO 5500001822 released: 6 x 40 drums, release dates 03/01, 04/01, 05/01, 06/01, 07/01, 08/01."),
  s(
    "PO confirmation to be sent to orders@hilltop-hospitality.com, attn: Grace Kim.",
    ["email", "orders@hilltop-hospitality.com"],
    ["person_name", "Grace Kim"],
  ),
  s("Drop ship PO 600045: consignee pays freight, FOB origin, NMFC 156600 class 85, 14 pallets @ 1,100 lb."),
  s(
    "Requested by Kevin Tran, approved by Sandra Lee. Budget code 4410-220-17.",
    ["person_name", "Kevin Tran"],
    ["person_name", "Sandra Lee"],
  ),
  s(
    "PO note: deliver to site trailer at 1500 Riverside Dr, Austin, TX 78741. Site contact Ben Alvarez (512) 555-0139.",
    ["address", "1500 Riverside Dr"],
    ["address", "Austin, TX 78741"],
    ["person_name", "Ben Alvarez"],
    ["phone", "(512) 555-0139"],
  ),
  s("Lines 10-40 are for job 24-118, lines 50-60 for job 24-121. Split invoice by job number."),
  s(
    "Bestellnotiz: Anlieferung nur Mo-Fr 07:00-14:00, Rampe 3. Bei Fragen: Lager, Herr Novak, Durchwahl +49 69 4711 0815-22.",
    ["person_name", "Novak"],
    ["phone", "+49 69 4711 0815-22"],
  ),
  s("Inkooporder 2025-00418: 36 dozen handschoenen maat L, artikel 7700-L, prijs € 1.234,50 totaal."),
  s(
    "Contact person: Astrid Nilsson, +46 8 555 123 45, astrid.nilsson@nordicbuild.se",
    ["person_name", "Astrid Nilsson"],
    ["phone", "+46 8 555 123 45"],
    ["email", "astrid.nilsson@nordicbuild.se"],
  ),
  s("PO 4500012400 cancelled per customer, restocking fee 15% waived. Ref case 2025-00912."),
  s(
    "Ship to c/o Linda Park, 36 Orchard Lane, Portland, ME 04101",
    ["person_name", "Linda Park"],
    ["address", "36 Orchard Lane"],
    ["address", "Portland, ME 04101"],
  ),
  s("Please confirm price of 0.85/ft for 10,000 ft of 14 AWG THHN, reel size 2,500 ft."),

  // Invoices and remittance
  s(
    "INVOICE 99120387\nDate: 2025-01-15  Due: 2025-02-14\nBill To: Harbor Marine Supply, 2901 Shoreline Blvd, Suite 200, Long Beach, CA 90802\nTotal due: $14,220.55",
    ["address", "2901 Shoreline Blvd, Suite 200"],
    ["address", "Long Beach, CA 90802"],
  ),
  s(
    "Remit to: Crossroads Industrial Supply, Account No. 000123456789, Routing: 026009593 (Bank of America). Please reference invoice number on payment.",
    ["bank_account", "000123456789"],
    ["bank_account", "026009593"],
  ),
  s(
    "Rechnung Nr. RE-2025-0412 vom 12.02.2025\nNetto 8.450,00 EUR, USt 19 % 1.605,50 EUR, Brutto 10.055,50 EUR\nUSt-IdNr.: DE 811 907 980",
    ["tax_id", "DE 811 907 980"],
  ),
  s("Factuur 2025-0331 — totaal € 3.118,40 incl. 21% BTW. Gelieve te betalen op NL20 INGB 0001 2345 67 o.v.v. factuurnummer.", [
    "iban",
    "NL20 INGB 0001 2345 67",
  ]),
  s("Invoice total 1,234.50 USD. Discount 2% 10 Net 30. Late fee 1.5% per month after 2025-03-31."),
  s(
    "Remittance advice: paid invoices 99120387, 99120412, 99120433 by ACH on 03/07/2025, total $31,004.18. Questions to remittance@cascadefoods.com.",
    ["email", "remittance@cascadefoods.com"],
  ),
  s(
    "Payment details: Barclays, IBAN GB60 BARC 2000 0055 7799 11, a/c 55779911, VAT GB123456789.",
    ["iban", "GB60 BARC 2000 0055 7799 11"],
    ["bank_account", "55779911"],
    ["tax_id", "GB123456789"],
  ),
  s("Credit memo CM-20931 applied to invoice 99120387, remaining balance 0.00. Closed 2025-02-03."),
  s(
    "Factura 2025/118. Pago por transferencia: ES91 2100 0418 4502 0005 1332. CIF B12345678 no es válido, use ESB12345678.",
    ["iban", "ES91 2100 0418 4502 0005 1332"],
    ["tax_id", "B12345678"],
    ["tax_id", "ESB12345678"],
  ),
  s(
    "Pro-forma PF-4471 — prepayment required. Wire to Chase, ABA 021000021, acct 483920117, beneficiary Gulf Coast Pipe & Valve.",
    ["bank_account", "021000021"],
    ["bank_account", "483920117"],
  ),
  s(
    "Faktura 2025-014, zahlbar an IBAN DE29 1001 0010 0987 6543 21. Steuer-Nr. 012/345/67890, USt-ID DE 123 456 789.",
    ["iban", "DE29 1001 0010 0987 6543 21"],
    ["tax_id", "012/345/67890"],
    ["tax_id", "DE 123 456 789"],
  ),
  s("Statement of account as of 2025-03-31: 4 open items, oldest 62 days, total 18,406.77. Please remit promptly."),
  s("Payment received by credit card ending 4444 on 02/11/2025 — $912.00. Thank you!"),
  s(
    "Our bank account number changed to 20418833651 at First Citizens; routing 053100300. Do not pay the old account.",
    ["bank_account", "20418833651"],
    ["bank_account", "053100300"],
  ),
  s(
    "Lasku 2025-77, maksu tilille FI21 1234 5600 0007 85, viite 1232. ALV-tunnus FI20774740.",
    ["iban", "FI21 1234 5600 0007 85"],
    ["tax_id", "FI20774740"],
  ),
  s(
    "Fatura 1103 — IBAN PT50 0002 0123 1234 5678 9015 4. NIF PT501964843.",
    ["iban", "PT50 0002 0123 1234 5678 9015 4"],
    ["tax_id", "PT501964843"],
  ),
  s(
    "Faktura 88/2025 — platba na CZ65 0800 0000 1920 0014 5399, DIČ CZ27082440.",
    ["iban", "CZ65 0800 0000 1920 0014 5399"],
    ["tax_id", "CZ27082440"],
  ),
  s(
    "Facture 2025-211, virement sur LU28 0019 4006 4475 0000, TVA LU26375245.",
    ["iban", "LU28 0019 4006 4475 0000"],
    ["tax_id", "LU26375245"],
  ),
  s(
    "Faktura 4410 — betal til DK50 0040 0440 1162 43, CVR/moms DK13585628.",
    ["iban", "DK50 0040 0440 1162 43"],
    ["tax_id", "DK13585628"],
  ),

  // Delivery notes and proof of delivery
  s("POD: 22 pallets received in good condition. Received by: Tom O'Brien, 14:10, 2025-03-04. Seal #884120 intact.", [
    "person_name",
    "Tom O'Brien",
  ]),
  s(
    "Delivery note DN-55012\nShip to: Riverside Grill, 415 Water St, Milwaukee, WI 53202\nCarton count 14, weight 286 lb",
    ["address", "415 Water St"],
    ["address", "Milwaukee, WI 53202"],
  ),
  s("BOL 004512877, PRO 1234-5678-90, 6 handling units, freight class 70, delivered 03/05/2025 08:45."),
  s("Signed by J. van der Berg, Lagerleitung. 3 Paletten Kühlware, Temperatur bei Anlieferung 4 °C.", [
    "person_name",
    "J. van der Berg",
  ]),
  s("Driver note: customer refused 2 cases (crushed). Signed by Ana Souza. Returned to dock 5.", ["person_name", "Ana Souza"]),
  s("Delivered 48 x 20 L buckets, lot 24-0915-A, best before 2026-09-15. Temperature log attached."),
  s(
    "Lieferung an Am Waldweg 3, 35390 Gießen. Empfänger: Herr Dr. Klaus Meier. Bitte vorher anrufen: 0641 99 123 45.",
    ["address", "Am Waldweg 3"],
    ["address", "35390 Gießen"],
    ["person_name", "Klaus Meier"],
    ["phone", "0641 99 123 45"],
  ),
  s(
    "Leverbon 2025-1180: afgeleverd op Industrieweg 12, 5683 CG Best. Ontvangen door: Mevrouw van den Broek.",
    ["address", "Industrieweg 12"],
    ["address", "5683 CG Best"],
    ["person_name", "van den Broek"],
  ),
  s("Short shipped: line 3 (SKU 7700-L) 12 of 36. Backorder BO-22187 will follow within 5 business days."),
  s(
    "Livraison effectuée au 45, avenue des Champs-Élysées, 75008 Paris. Réceptionné par Mme Petit à 9h30.",
    ["address", "45, avenue des Champs-Élysées"],
    ["address", "75008 Paris"],
    ["person_name", "Petit"],
  ),
  s("Delivery window 06:00-08:00 only. Gate code 2291. Call the store manager on 07700 900123 on arrival.", [
    "phone",
    "07700 900123",
  ]),
  s("Pallet exchange: 12 EUR pallets in, 12 out. CMR 0045521. Container MSKU 123456-7."),
  s(
    "Received by Li Wei. Ship to 880 Market St, San Francisco, CA 94102, loading zone on Ellis.",
    ["person_name", "Li Wei"],
    ["address", "880 Market St"],
    ["address", "San Francisco, CA 94102"],
  ),

  // Case notes (customer service)
  s(
    "Case 2025-00912: customer (Mr. Daniel Okafor) reports leaking valves from lot 24-0915-A. Callback on +44 7700 900456 after 2pm.",
    ["person_name", "Daniel Okafor"],
    ["phone", "+44 7700 900456"],
  ),
  s("Spoke with Priya Natarajan in AP. She'll send remittance for invoices 99120387 and 99120412 by EOD.", [
    "person_name",
    "Priya Natarajan",
  ]),
  s("Case closed: RMA 55102 credited $418.22 on 2025-02-19. Root cause: mislabelled carton at DC2."),
  s("Caller gave card 4128 8888 8888 1882 over the phone for the restock fee. DO NOT store — entered in terminal and deleted.", [
    "card",
    "4128 8888 8888 1882",
  ]),
  s(
    "Customer asked us to update their email from j.alvarez@gmail.com to jalvarez@alvarezbuilders.com.",
    ["email", "j.alvarez@gmail.com"],
    ["email", "jalvarez@alvarezbuilders.com"],
  ),
  s("Escalated to tier 2. SLA breach risk: 4h remaining. Related tickets 2025-00877, 2025-00881."),
  s(
    "Ms. Chen disputes the fuel surcharge on invoice 99120433 (8.5%). Asked for the contract page. Her direct line: 646-555-0187.",
    ["person_name", "Chen"],
    ["phone", "646-555-0187"],
  ),
  s(
    "Kunde meldet Falschlieferung (Artikel 4711-0815 statt 4711-0816). Rückruf an Frau Schulz, Handy 0170 1234567.",
    ["person_name", "Schulz"],
    ["phone", "0170 1234567"],
  ),
  s(
    "Klant belt over levering van 14-03: 2 dozen te weinig. Terugbellen naar dhr. Bakker op 010 123 4567.",
    ["person_name", "Bakker"],
    ["phone", "010 123 4567"],
  ),
  s("Customer wants delivery moved from 03/14 to 03/17, between 9:00 and 11:30. Approved, route 12 stop 4."),
  s(
    "Fraud check: card 2223 0004 8723 1901 declined twice, billing address 52 Birch Rd, Dayton, OH 45402 does not match.",
    ["card", "2223 0004 8723 1901"],
    ["address", "52 Birch Rd"],
    ["address", "Dayton, OH 45402"],
  ),
  s(
    "Rep visited on 02/27. Contact: Hiroshi Tanaka. New buyer starting April; intro email to htanaka@pacificrim-foods.com.",
    ["person_name", "Hiroshi Tanaka"],
    ["email", "htanaka@pacificrim-foods.com"],
  ),
  s("Quality hold on lot 24-1102, 1,440 units in bin A-12-03. Release pending lab result (ETA 2 days)."),
  s("Customer's AP clerk says they paid by wire from IBAN GB29 NWBK 6016 1331 9268 19 on 03/02 — not yet matched.", [
    "iban",
    "GB29 NWBK 6016 1331 9268 19",
  ]),
  s("Call log 09:14 — inbound from 0031 20 555 0199, Dutch customer asking about EAN 8712345678906 stock.", [
    "phone",
    "0031 20 555 0199",
  ]),

  // Mixed / signatures / forwarded mail
  s(
    "From: Laura Bianchi <l.bianchi@ferramenta-bianchi.it>\nSent: Tuesday, 4 March 2025 10:12\nSubject: Ordine 7781/B\n\nBuongiorno, confermo l'ordine.",
    ["person_name", "Laura Bianchi"],
    ["email", "l.bianchi@ferramenta-bianchi.it"],
  ),
  s(
    "-----Original Message-----\nFrom: orders@westcoastsupply.com\nTo: cs@crossdock.example\nSubject: RE: PO 4500012345 status",
    ["email", "orders@westcoastsupply.com"],
    ["email", "cs@crossdock.example"],
  ),
  s(
    "Best,\nSam Rivera\nWest Coast Supply | 1450 W 7th St, Los Angeles, CA 90017 | 213-555-0145",
    ["person_name", "Sam Rivera"],
    ["address", "1450 W 7th St"],
    ["address", "Los Angeles, CA 90017"],
    ["phone", "213-555-0145"],
  ),
  s("Cheers,\nThe Crossdock Team\nsupport@crossdock.example", ["email", "support@crossdock.example"]),
  s("Thanks,\nPurchasing Department\nPO box for invoices: invoices only, no statements."),
  s(
    "Dear Team,\nPlease find attached our updated price list valid from 2025-04-01. Prices are in EUR excl. VAT.\nKind regards,\nSales Department",
  ),
  s("Dear Sir or Madam,\nWe have not received payment for invoice 99120501 ($2,304.00), now 45 days overdue."),
  s(
    "Hi Mark,\nno problem — I'll have the 200 pcs ready for pickup Thursday 10:00.\nKind regards,\nElena Popescu\nM +40 721 555 012",
    ["person_name", "Mark"],
    ["person_name", "Elena Popescu"],
    ["phone", "+40 721 555 012"],
  ),
  s(
    "Mit freundlichen Grüßen\nJörg Weißmüller\nVertrieb Innendienst\nTel.: +49 (0) 6051 91644-10\nE-Mail: j.weissmueller@main-kinzig-technik.de",
    ["person_name", "Jörg Weißmüller"],
    ["phone", "+49 (0) 6051 91644-10"],
    ["email", "j.weissmueller@main-kinzig-technik.de"],
  ),
  s(
    "Hauptsitz: Gewerbepark Nord, Carl-Zeiss-Straße 4, 63322 Rödermark. Handelsregister HRB 12345, Amtsgericht Offenbach.",
    ["address", "Carl-Zeiss-Straße 4"],
    ["address", "63322 Rödermark"],
  ),
  s(
    "Please use the new portal for orders. Login issues? Email webshop-help@coastalsupply.co.uk or ring 0161 496 0123.",
    ["email", "webshop-help@coastalsupply.co.uk"],
    ["phone", "0161 496 0123"],
  ),
  s(
    "Name: Luis García Pérez\nCompany: Suministros Levante S.L.\nPhone: +34 961 234 567\nEmail: lgarcia@suministroslevante.es",
    ["person_name", "Luis García Pérez"],
    ["phone", "+34 961 234 567"],
    ["email", "lgarcia@suministroslevante.es"],
  ),
  s("New customer form — Tax ID: 83-0456721, resale certificate on file, credit limit requested $25,000.", [
    "tax_id",
    "83-0456721",
  ]),
  s(
    "Bank details for refund: account holder Marta Nowak, IBAN PL27 1140 2004 0000 3002 0135 5387.",
    ["person_name", "Marta Nowak"],
    ["iban", "PL27 1140 2004 0000 3002 0135 5387"],
  ),
  s("Please refund to the original card. If that fails, rekeningnummer NL44 RABO 0123 4567 89.", [
    "iban",
    "NL44 RABO 0123 4567 89",
  ]),
  s(
    "Vendor setup: please send the bank letter. Our banking: acct no. 7730149920, ABA 111000025.",
    ["bank_account", "7730149920"],
    ["bank_account", "111000025"],
  ),
  s(
    "Phone: 0049 89 1234567 (Zentrale München), Fax: 0049 89 1234568.",
    ["phone", "0049 89 1234567"],
    ["phone", "0049 89 1234568"],
  ),
  s("Tel. 5551234567 is disconnected, use 555-987-6543 instead.", ["phone", "5551234567"], ["phone", "555-987-6543"]),
  s(
    "Please call Mr. Grant at 303.555.0170 or email agrant@frontrangeelectric.com before delivering to 2600 Blake St, Denver, CO 80205.",
    ["person_name", "Grant"],
    ["phone", "303.555.0170"],
    ["email", "agrant@frontrangeelectric.com"],
    ["address", "2600 Blake St"],
    ["address", "Denver, CO 80205"],
  ),
  s("Quote valid 30 days. Freight prepaid and added over $500. Ref 2025-Q-00412, rev B, 17 pages."),
  s(
    "Order by phone: 1 (800) 555-0110. Order by fax: 1 (800) 555-0111. Mon-Fri 7:30-17:00 CT.",
    ["phone", "1 (800) 555-0110"],
    ["phone", "1 (800) 555-0111"],
  ),
  s("Paid with JCB 3566 0020 2036 0505 — Japanese customer visiting trade show booth 14B.", ["card", "3566 0020 2036 0505"]),
  s("Card on file changed to Mastercard 5199 9900 0000 0002, exp 12/28, CVV not stored.", ["card", "5199 9900 0000 0002"]),
  s("The customer read out 4761 7390 0101 0010 but the terminal rejected it; 4761 7390 0101 0011 was a typo.", [
    "card",
    "4761 7390 0101 0010",
  ]),
  s(
    "Amex 3622 720627 1667 — no wait, that's Diners. 371449635398431 is the Amex.",
    ["card", "3622 720627 1667"],
    ["card", "371449635398431"],
  ),
  s("SSN for the new driver background check: 401-33-2890. Keep in HR system only.", ["tax_id", "401-33-2890"]),
  s("The part is 123-45-678 in the old catalogue, now 123-45-6789A."),
  s(
    "Shipment to 7 Harbour Road, Dublin 3 held at customs; EORI IE6388047V missing from commercial invoice.",
    ["address", "7 Harbour Road"],
    ["tax_id", "IE6388047V"],
  ),
  s(
    "Order note: leave at back door of 1420 Maple Ave if nobody answers. Customer: Mrs. Gloria Diaz.",
    ["address", "1420 Maple Ave"],
    ["person_name", "Gloria Diaz"],
  ),
  s("Inventory count 2025-03-31: bin B-04-11 shows 1,250 but system says 1,205. Recount scheduled 04/02 at 06:00."),
  s("EDI 850 rejected: segment N1*ST missing, ISA control number 000012345, GS 4410."),
  s("Temperature excursion 8.4 °C for 12 min on 2025-03-03 between 02:10 and 02:22, reefer unit 55-118."),
  s("Please ship 2 x ABB Drive ACS580 and 1 x Siemens Drive G120, lead time 6-8 weeks."),
  s("Reorder point 400, safety stock 120, lead time 21 days, forecast 1,150/month for item 55120-02."),
  s("Returns must be authorised within 30 days. Restocking fee 20%. Call-off order 5500001822 line 4."),
  s("Version 2.4.1 of the price file, 12,418 rows, uploaded 2025-03-15 14:32:08 UTC."),
  s("Account #: C-10234 — net 45 terms approved by credit, limit raised to $50,000."),
  s("Your account number 5521033 is on hold until the overdue balance is paid."),
  s("Route 14: stops 1-9 Monday, 10-17 Tuesday. Truck 14 capacity 26 pallets / 44,000 lb."),
  s("GTIN 00012345678905, case pack 12, pallet Ti-Hi 10x5, case dims 16 x 12 x 10 in."),
  s("Lot 20240315 expires 2026-03-15. Qty 1200. Bin 04-12-03-B."),
  s("Call-off 4/2025: 12.500 Stück à 0,085 € = 1.062,50 €, Lieferung KW 18."),
  s("Price 1.234.567,00 HUF for the full tender; FX rate 0.0026 on 15.03.2025."),
  s("Serial numbers 2401-0012 through 2401-0060 shipped; 2401-0061 held for QC."),
  s("ZIP 60601 has a surcharge zone; postcode 63667 does not."),
  s("Between 09:00-17:30 weekdays the dock is staffed; after hours use door 3."),
  s("Tracking 9400 1000 0000 0000 0000 00 (USPS) and 1Z999AA10123456784 (UPS)."),
  s("Meeting moved to 14:30 on 2025-03-20; dial-in code 884 1120 via the usual Teams link."),
  s(
    "Hello,\nplease change the delivery contact to Ms. Ingrid Solberg, +47 22 12 34 56. Address unchanged.\nThanks",
    ["person_name", "Ingrid Solberg"],
    ["phone", "+47 22 12 34 56"],
  ),
  s("Attention: Receiving Dept. — 3 pallets for PO 4500012345, delivery window 08:00-10:00."),
  s(
    "Attn: Accounts Payable\nPlease find invoice 99120387 attached. Remit to PO Box 7741, Atlanta, GA 30357.",
    ["address", "PO Box 7741"],
    ["address", "Atlanta, GA 30357"],
  ),
  s(
    "Lieferadresse geändert: Neue Straße 8, 60311 Frankfurt am Main. Telefon: 069 12345678.",
    ["address", "Neue Straße 8"],
    ["address", "60311 Frankfurt am Main"],
    ["phone", "069 12345678"],
  ),
  s(
    "Contact: Peter Janssen (+31 6 1234 5678), rekeningnummer 1234.56.789 for the old giro refund.",
    ["person_name", "Peter Janssen"],
    ["phone", "+31 6 1234 5678"],
    ["bank_account", "1234.56.789"],
  ),
  s(
    "Refund check mailed to 309 S Main St, Ann Arbor, MI 48104 on 03/12/2025, check no. 100452.",
    ["address", "309 S Main St"],
    ["address", "Ann Arbor, MI 48104"],
  ),
  s(
    "Hi, it's Dave from Lakeside Bakery — text me at 414 555 0193 when the truck leaves. Thx",
    ["person_name", "Dave"],
    ["phone", "414 555 0193"],
  ),
  s(
    "Beste klant, uw bestelling 2025-00418 is verzonden. Vragen? Mail klantenservice@tools4pro.nl of bel 0800 0221.",
    ["email", "klantenservice@tools4pro.nl"],
    ["phone", "0800 0221"],
  ),
  s(
    "Hi Jess, quick one — can you send 6 more cases of the 16 oz cups? Same PO. Cheers, Ryan (mob 0412 555 019)",
    ["person_name", "Jess"],
    ["person_name", "Ryan"],
    ["phone", "0412 555 019"],
  ),
];
