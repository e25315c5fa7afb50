import { type LabelledSnippet, s } from "./labelled-snippet.ts";
import { OPERATIONS_SNIPPETS } from "./operations-snippets.ts";

/**
 * Text a distributor's staff and customers actually write (order mails, PO notes, invoices, delivery
 * notes, case notes, remittance advice; US and European), each with the personal data a reviewer
 * would mark. Many carry none and are there to catch false alarms: dates, amounts, part and order
 * numbers, ZIP codes, times. Values are made up; card numbers and IBANs carry valid check digits.
 * This is the first batch, the one the detectors were tuned on; `unseen-snippets.ts` is not.
 */
export type { LabelledSnippet } from "./labelled-snippet.ts";

const EMAIL_SNIPPETS: LabelledSnippet[] = [
  // Customer emails (US)
  s(
    "Hi, can you expedite PO 4500012345? We need the 3/4\" ball valves by Friday. Call me at (312) 555-0147 if there's a problem.\n\nThanks,\nDerek Wu\nPurchasing, Midwest Mechanical",
    ["phone", "(312) 555-0147"],
    ["person_name", "Derek Wu"],
  ),
  s(
    "Please send the revised quote to kathy.reyes@summitplumbing.com and cc ap@summitplumbing.com. Quote Q-22871 expired on 11/30/2024.",
    ["email", "kathy.reyes@summitplumbing.com"],
    ["email", "ap@summitplumbing.com"],
  ),
  s(
    "Dear Ms. Patel,\nYour order SO-88120 for 240 ea HIS-FAS-10077 has shipped via UPS ground, tracking 1Z999AA10123456784. Expected delivery 2024-03-18.",
    ["person_name", "Patel"],
  ),
  s(
    "Our new ship-to is 4450 Industrial Pkwy, Dock 3\nCleveland, OH 44135\nReceiving hours 7:00-15:30 M-F.",
    ["address", "4450 Industrial Pkwy, Dock 3"],
    ["address", "Cleveland, OH 44135"],
  ),
  s(
    "We're short 12 cases on invoice 99120387 ($1,284.60). Contact: Angela Brooks, 614-555-0199, abrooks@buckeyefood.com",
    ["person_name", "Angela Brooks"],
    ["phone", "614-555-0199"],
    ["email", "abrooks@buckeyefood.com"],
  ),
  s("Need 500 ft of 12/2 Romex and 40 boxes of 3/8 staples. Same delivery as last week please.\n-- Jim", ["person_name", "Jim"]),
  s("My cell is 817.555.2231, text before you come out. Gate code is 4471#.", ["phone", "817.555.2231"]),
  s(
    "Can you update the billing contact to Rosa Delgado (rdelgado@sunbeltsupply.net, 1-800-555-0123 ext. 418)?",
    ["person_name", "Rosa Delgado"],
    ["email", "rdelgado@sunbeltsupply.net"],
    ["phone", "1-800-555-0123 ext. 418"],
  ),
  s("Please charge the balance of $3,410.00 to the card on file, Visa 4532 0151 1283 0366, and email the receipt.", [
    "card",
    "4532 0151 1283 0366",
  ]),
  s("Paying invoice 77-10293 by card: 5425-2334-3010-9903 exp 08/27. Billing zip 30301.", ["card", "5425-2334-3010-9903"]),
  s(
    "Amex 3714 496353 98431, name on card Luis Ortega. Please run $612.75 for PO 7781.",
    ["card", "3714 496353 98431"],
    ["person_name", "Luis Ortega"],
  ),
  s(
    "Good morning,\nWe received 18 of 20 pallets on 02/14. Two were damaged (photos attached). Please credit the freight.\nRegards,\nTasha Greene",
    ["person_name", "Tasha Greene"],
  ),
  s(
    "Reach me at 213 555 0188 or on my desk line (213) 555-0100 x225.",
    ["phone", "213 555 0188"],
    ["phone", "(213) 555-0100 x225"],
  ),
  s(
    "FYI our remit-to changed. Please remit to P.O. Box 98241, Chicago, IL 60693. Bank account no. 4471029385, routing 071000013.",
    ["address", "P.O. Box 98241"],
    ["address", "Chicago, IL 60693"],
    ["bank_account", "4471029385"],
    ["bank_account", "071000013"],
  ),
  s("Item 33210-BLK backordered until 04/22/2025. Substitute 33210-GRY at $14.95/ea? Qty 48."),
  s(
    "Attn: Carlos Mendez\nRe: credit memo CM-20931 for $418.22\nHe can be reached at +1 305 555 0162.",
    ["person_name", "Carlos Mendez"],
    ["phone", "+1 305 555 0162"],
  ),
  s("W-9 attached. EIN: 47-1823904. Legal name Lakeshore Supply LLC.", ["tax_id", "47-1823904"]),
  s("Sole proprietor, so please use my SSN 512-44-8830 on the 1099 instead of an EIN.", ["tax_id", "512-44-8830"]),
  s(
    "Deliver to 918 N Elm St, Apt 2B, Greensboro, NC 27401 — residential, liftgate needed.",
    ["address", "918 N Elm St, Apt 2B"],
    ["address", "Greensboro, NC 27401"],
  ),
  s("Please quote 2,500 units of SKU 40-1185-02 and 1,200 units of 40-1185-03, delivery week 14."),
  s(
    "Jennifer from accounts payable here. Our ACH details: routing number 121000248, account number 9938120044. Please update before the 15th.",
    ["person_name", "Jennifer"],
    ["bank_account", "121000248"],
    ["bank_account", "9938120044"],
  ),
  s(
    "Thanks for the quick turnaround!\n\nBest regards,\nMichael O'Connor\nOperations Manager | Tri-State HVAC\nT: (973) 555-0134 | M: (973) 555-0177\nmoconnor@tristatehvac.com",
    ["person_name", "Michael O'Connor"],
    ["phone", "(973) 555-0134"],
    ["phone", "(973) 555-0177"],
    ["email", "moconnor@tristatehvac.com"],
  ),
  s("Order 4500098812 confirmed. 14 lines, total $22,418.90, ship date 2025-01-09, terms Net 30."),
  s(
    "Hi team, Mrs. Kowalski called again about the missing filter cartridges. Her number is 708-555-0143.",
    ["person_name", "Kowalski"],
    ["phone", "708-555-0143"],
  ),
  s(
    "Bill to: Pinecrest Dental Group, 2200 Westlake Ave, Suite 310, Seattle, WA 98121",
    ["address", "2200 Westlake Ave, Suite 310"],
    ["address", "Seattle, WA 98121"],
  ),
  s("Price increase of 4.5% effective 06/01/2025 on all copper fittings. See attached list, pages 1-12."),
  s(
    "Driver: Marcus Hill, truck 14, called at 10:42 — ETA 11:15. Dispatch line 800-555-0166.",
    ["person_name", "Marcus Hill"],
    ["phone", "800-555-0166"],
  ),
  s("Please send the W-9 and certificate of insurance to vendors@greenleafmarkets.com. Our vendor number for you is 100457.", [
    "email",
    "vendors@greenleafmarkets.com",
  ]),
  s("Paid by Discover 6011 0009 9013 9424, confirmation 88431-A. Last 4 only on the invoice please.", [
    "card",
    "6011 0009 9013 9424",
  ]),
  s("Customer account no. 100234 is on credit hold until the $8,912.40 past due is cleared."),

  // Customer emails (Europe)
  s(
    "Sehr geehrter Herr Becker,\nanbei unsere Bestellung 4711-2024 über 120 Stück Kugellager 6204-2RS. Lieferung bitte an Industriestraße 17, 63667 Nidda.\nMit freundlichen Grüßen\nSabine Hoffmann",
    ["person_name", "Becker"],
    ["address", "Industriestraße 17"],
    ["address", "63667 Nidda"],
    ["person_name", "Sabine Hoffmann"],
  ),
  s(
    "Bei Rückfragen erreichen Sie mich unter +49 6051 916 44 10 oder per Mail an s.hoffmann@hessen-technik.de.",
    ["phone", "+49 6051 916 44 10"],
    ["email", "s.hoffmann@hessen-technik.de"],
  ),
  s(
    "Bankverbindung: Sparkasse Oberhessen, IBAN DE44 5001 0517 5407 3249 31, BIC HELADEF1FRI. USt-IdNr.: DE232446240",
    ["iban", "DE44 5001 0517 5407 3249 31"],
    ["tax_id", "DE232446240"],
  ),
  s(
    "Geachte mevrouw Jansen,\nWij hebben uw bestelling ontvangen. Levering op 12-03-2025 aan Kerkstraat 45, 1012 AB Amsterdam.",
    ["person_name", "Jansen"],
    ["address", "Kerkstraat 45"],
    ["address", "1012 AB Amsterdam"],
  ),
  s(
    "Graag betaling op rekeningnummer NL91 ABNA 0417 1643 00 t.n.v. Van Dijk Techniek B.V., BTW NL810433941B01.",
    ["iban", "NL91 ABNA 0417 1643 00"],
    ["tax_id", "NL810433941B01"],
  ),
  s(
    "Bonjour, merci de livrer au 12 rue de la Paix, 75002 Paris. Contact sur place : M. Laurent Dubois, 06 12 34 56 78.",
    ["address", "12 rue de la Paix"],
    ["address", "75002 Paris"],
    ["person_name", "Laurent Dubois"],
    ["phone", "06 12 34 56 78"],
  ),
  s(
    "Coordonnées bancaires : IBAN FR76 3000 6000 0112 3456 7890 189 — TVA intracommunautaire FR40303265045.",
    ["iban", "FR76 3000 6000 0112 3456 7890 189"],
    ["tax_id", "FR40303265045"],
  ),
  s(
    "Hi, this is Oliver from Brightwell Catering. Please call me back on 020 7946 0958 about the short delivery on 14/02.",
    ["person_name", "Oliver"],
    ["phone", "020 7946 0958"],
  ),
  s(
    "Delivery address: Unit 7, Brookfield Trading Estate, 10 Mill Lane, Leeds LS11 5QT.",
    ["address", "10 Mill Lane"],
    ["address", "Leeds LS11 5QT"],
  ),
  s(
    "Please pay into sort code 20-00-00, account number 55779911, reference INV-30118.",
    ["bank_account", "20-00-00"],
    ["bank_account", "55779911"],
  ),
  s("VAT Reg No: GB 123 4567 89. Company no. 08841273. Registered office as above.", ["tax_id", "GB 123 4567 89"]),
  s(
    "Buongiorno, l'indirizzo di consegna è Via Roma 15, 20121 Milano. P.IVA IT12345678901. Riferimento: sig. Rossi, tel. 02 8646 1234.",
    ["address", "Via Roma 15"],
    ["address", "20121 Milano"],
    ["tax_id", "IT12345678901"],
    ["person_name", "Rossi"],
    ["phone", "02 8646 1234"],
  ),
  s("IBAN: IT60 X054 2811 1010 0000 0123 456 (Banca Popolare). Per favore indicare il numero d'ordine 7781/B.", [
    "iban",
    "IT60 X054 2811 1010 0000 0123 456",
  ]),
  s(
    "Hola, enviamos el pedido a Calle Mayor 5, 28013 Madrid. NIF ES B12345678. Transferencia a ES91 2100 0418 4502 0005 1332.",
    ["address", "Calle Mayor 5"],
    ["address", "28013 Madrid"],
    ["tax_id", "ES B12345678"],
    ["iban", "ES91 2100 0418 4502 0005 1332"],
  ),
  s(
    "Guten Tag, bitte rufen Sie Frau Keller unter 0611 / 123456 an, nicht unter der Zentrale.",
    ["person_name", "Keller"],
    ["phone", "0611 / 123456"],
  ),
  s("Lieferschein 80012345 vom 03.04.2025, 24 Kartons, Gesamtgewicht 412,5 kg, Lagerplatz 12-04-B."),
  s("Unsere Bankverbindung hat sich geändert: Kontonummer 0532013000, BLZ 37040044 (Commerzbank Köln).", [
    "bank_account",
    "0532013000",
  ]),
  s(
    "Neue IBAN ab 01.05.: AT87 1200 0520 6654 3301. UID ATU12345678.",
    ["iban", "AT87 1200 0520 6654 3301"],
    ["tax_id", "ATU12345678"],
  ),
  s(
    "Grüezi, Lieferadresse ist Bahnhofstrasse 21, 8001 Zürich. Zahlung auf CH10 0023 00A1 0235 0260 1. MWST-Nr. CHE-123.456.789 MWST",
    ["address", "Bahnhofstrasse 21"],
    ["address", "8001 Zürich"],
    ["iban", "CH10 0023 00A1 0235 0260 1"],
    ["tax_id", "CHE-123.456.789"],
  ),
  s(
    "Met vriendelijke groet,\nPieter de Vries\nInkoop | Noordzee Installatietechniek\nT +31 20 123 4567\nE p.devries@noordzee-it.nl",
    ["person_name", "Pieter de Vries"],
    ["phone", "+31 20 123 4567"],
    ["email", "p.devries@noordzee-it.nl"],
  ),
  s("Hej, betala till IBAN SE45 5000 0000 0583 9825 7466, ange fakturanummer 2025-0143.", [
    "iban",
    "SE45 5000 0000 0583 9825 7466",
  ]),
  s(
    "Kind regards,\nSiobhán Murphy\nAccounts, Atlantic Foodservice\nIBAN IE29 AIBK 9311 5212 3456 78 | VAT IE6388047V",
    ["person_name", "Siobhán Murphy"],
    ["iban", "IE29 AIBK 9311 5212 3456 78"],
    ["tax_id", "IE6388047V"],
  ),
  s(
    "Prosimy o wpłatę na PL61 1090 1014 0000 0712 1981 2874, NIP PL5260250274. Dziękujemy.",
    ["iban", "PL61 1090 1014 0000 0712 1981 2874"],
    ["tax_id", "PL5260250274"],
  ),
  s(
    "Cordialement,\nCamille Lefèvre\nService Achats\nTél. : +33 1 42 68 53 00\nFax : +33 1 42 68 53 01",
    ["person_name", "Camille Lefèvre"],
    ["phone", "+33 1 42 68 53 00"],
    ["phone", "+33 1 42 68 53 01"],
  ),
  s("Bestellung 4500012345: 200 Stk. Schrauben M8x40 DIN 933, Preis 0,12 EUR/Stk., Liefertermin KW 12/2025."),
  s(
    "Bitte liefern an: Frankfurter Str. 7a, 61118 Bad Vilbel. Ansprechpartner: Herr Yilmaz, Tel. 06101 5555-20",
    ["address", "Frankfurter Str. 7a"],
    ["address", "61118 Bad Vilbel"],
    ["person_name", "Yilmaz"],
    ["phone", "06101 5555-20"],
  ),
  s(
    "Betaling graag binnen 30 dagen op BE68 5390 0754 7034. Ondernemingsnummer / BTW BE0477472701.",
    ["iban", "BE68 5390 0754 7034"],
    ["tax_id", "BE0477472701"],
  ),
  s(
    "Onze chauffeur belt vooraf: 06-12345678. Afleveradres Stationsplein 1, 3511 ED Utrecht.",
    ["phone", "06-12345678"],
    ["address", "Stationsplein 1"],
    ["address", "3511 ED Utrecht"],
  ),
];

/** The first batch: customers' emails here, the operation's own papers in `operations-snippets.ts`. */
export const LABELLED_SNIPPETS: LabelledSnippet[] = [...EMAIL_SNIPPETS, ...OPERATIONS_SNIPPETS];
