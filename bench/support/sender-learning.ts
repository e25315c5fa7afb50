import { applyRules, learnRule, plainTextDocument, readDocument, type TemplateRule } from "../../src/modules/documents/index.ts";

/**
 * How many reviewed documents of a new sender it takes before that sender's documents go straight
 * through (issue 7). Four invoice senders whose layouts the general rules do not fully read (a
 * number under an unusual label, a number and date in a grid under headings of their own, a
 * total labelled as a request, a date and number after words no label list has); each sends ten
 * invoices. Each is read with what reviews of the sender taught so far; one that does not go
 * straight through with every field right is "reviewed": its wrong or missing fields are
 * corrected, which teaches the template (learn/template-rules.ts), as the review API does.
 */
type Sender = { name: string; document: (n: number) => { text: string; truth: Record<string, string> } };

const lines = (n: number) => [
  "Line  Item       Description          Qty  UOM  Unit Price    Amount",
  `1     HX-100     Hex bolt 1/2 in       ${String(n).padStart(2)}  EA        2.50     ${(n * 2.5).toFixed(2).padStart(6)}`,
];
const total = (n: number) => (n * 2.5).toFixed(2);

const SENDERS: Sender[] = [
  {
    name: "number under an unusual label",
    document: (n) => ({
      text: [
        "Quayside Tools",
        "9 Harbour Road",
        "Bristol, ME 04101",
        "",
        "INVOICE",
        "",
        `Ledger key  QT/${n}/25              Invoice Date  03/${10 + n}/2025`,
        "",
        ...lines(n),
        "",
        `                                        Total           ${total(n)}`,
      ].join("\n"),
      truth: { invoice_number: `QT/${n}/25`, invoice_date: `2025-03-${10 + n}`, total: total(n) },
    }),
  },
  {
    name: "number and date in a grid under headings of their own",
    document: (n) => ({
      text: [
        "Northgate Supply Co",
        "1 Mill Lane",
        "Dover, DE 19901",
        "",
        "INVOICE",
        "",
        "Voucher        Booked         Customer",
        `NG-${4400 + n}        2025-04-${String(n).padStart(2, "0")}     CD-0042`,
        "",
        ...lines(n),
        "",
        `                                        Total           ${total(n)}`,
      ].join("\n"),
      truth: { invoice_number: `NG-${4400 + n}`, invoice_date: `2025-04-${String(n).padStart(2, "0")}`, total: total(n) },
    }),
  },
  {
    name: "total labelled as a request",
    document: (n) => ({
      text: [
        "Bayside Fasteners",
        "77 Pier Ave",
        "Newport, RI 02840",
        "",
        "INVOICE",
        "",
        `Invoice No: BF-${900 + n}          Invoice Date: 05/${String(n).padStart(2, "0")}/2025`,
        "",
        ...lines(n),
        "",
        `                                 Kindly remit      USD ${total(n)}`,
      ].join("\n"),
      truth: { invoice_number: `BF-${900 + n}`, invoice_date: `2025-05-${String(n).padStart(2, "0")}`, total: total(n) },
    }),
  },
  {
    name: "date and number after words no label list has",
    document: (n) => ({
      text: [
        "Ridgeway Electrical",
        "5 Ridge Rd",
        "Boise, ID 83702",
        "",
        "INVOICE",
        "",
        `Raised on  06/${String(n).padStart(2, "0")}/2025`,
        `Serial  RE${70000 + n}`,
        "",
        ...lines(n),
        "",
        `                                        Total           ${total(n)}`,
      ].join("\n"),
      truth: { invoice_number: `RE${70000 + n}`, invoice_date: `2025-06-${String(n).padStart(2, "0")}`, total: total(n) },
    }),
  },
];

export type SenderLearning = {
  senders: {
    name: string;
    reviewsBeforeTouchless: number | null;
    touchlessAfter: number;
    wrongTouchless: number;
    firstReasons: string[];
  }[];
};

export function measureSenderLearning(documentsPerSender = 10): SenderLearning {
  const senders = SENDERS.map((sender) => {
    let rules: TemplateRule[] = [];
    let reviews = 0;
    let reviewsBeforeTouchless: number | null = null;
    let touchlessAfter = 0;
    let wrongTouchless = 0;
    let firstReasons: string[] = [];
    for (let n = 1; n <= documentsPerSender; n++) {
      const { text, truth } = sender.document(n);
      const pages = plainTextDocument(text);
      const read = readDocument(pages, { learned: (kind, of) => (rules.length > 0 ? applyRules(kind, of, rules) : {}) });
      if (n === 1) firstReasons = read.reasons;
      const wrong = Object.entries(truth).filter(([field, value]) => {
        const found = read.fields[field]?.value;
        return found === undefined || (field === "total" ? Number(found) !== Number(value) : found !== value);
      });
      if (read.straightThrough) {
        if (wrong.length > 0) wrongTouchless += 1;
        else {
          reviewsBeforeTouchless ??= reviews;
          touchlessAfter += 1;
        }
        continue;
      }
      reviews += 1;
      const taught = wrong.flatMap(([field, value]) => {
        const rule = learnRule(read.kind, pages.pages, field, value);
        return rule ? [rule] : [];
      });
      rules = [...rules.filter((rule) => !taught.some((learned) => learned.field === rule.field)), ...taught];
    }
    return { name: sender.name, reviewsBeforeTouchless, touchlessAfter, wrongTouchless, firstReasons };
  });
  return { senders };
}
