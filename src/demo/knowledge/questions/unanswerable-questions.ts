import type { Random } from "../../random.ts";
import type { DocumentKind } from "../document.ts";
import type { KnowledgeSet } from "./multi-hop-questions.ts";
import { type QuestionCandidate, UNANSWERABLE_ANSWER } from "./question.ts";

type Template = {
  topic: string;
  documentKinds: DocumentKind[];
  /** Phrases no document may contain: the reason the question has no answer. */
  absentTerms: string[];
  ask: (names: { customer: string; supplier: string; item: string }) => string;
};

/** Things a CSR or buyer might plausibly ask that no document covers. */
const TEMPLATES: Template[] = [
  {
    topic: "unanswerable.fuel_surcharge",
    documentKinds: ["customer_contract"],
    absentTerms: ["fuel surcharge"],
    ask: (n) => `What fuel surcharge applies to ${n.customer}'s deliveries?`,
  },
  {
    topic: "unanswerable.consignment",
    documentKinds: ["customer_contract"],
    absentTerms: ["consignment"],
    ask: (n) => `How much consignment stock do we keep at ${n.customer}'s plant?`,
  },
  {
    topic: "unanswerable.vmi",
    documentKinds: ["supplier_agreement"],
    absentTerms: ["vendor-managed", "VMI"],
    ask: (n) => `Is ${n.supplier} running a vendor-managed inventory program for us?`,
  },
  {
    topic: "unanswerable.drop_ship",
    documentKinds: ["supplier_agreement"],
    absentTerms: ["drop-ship", "drop ship"],
    ask: (n) => `What fee does ${n.supplier} charge to drop-ship straight to one of our customers?`,
  },
  {
    topic: "unanswerable.chargeback",
    documentKinds: ["customer_contract"],
    absentTerms: ["chargeback"],
    ask: (n) => `What EDI compliance chargebacks can ${n.customer} bill us?`,
  },
  {
    topic: "unanswerable.most_favored",
    documentKinds: ["customer_contract", "pricing_policy"],
    absentTerms: ["most favored", "most-favored", "most favoured"],
    ask: (n) => `Does ${n.customer}'s agreement have a most-favored-customer pricing clause?`,
  },
  {
    topic: "unanswerable.late_interest",
    documentKinds: ["customer_contract"],
    absentTerms: ["interest", "finance charge"],
    ask: (n) => `What interest do we charge ${n.customer} on late payments?`,
  },
  {
    topic: "unanswerable.credit_card",
    documentKinds: ["customer_contract"],
    absentTerms: ["credit card"],
    ask: (n) => `Can ${n.customer} pay by credit card, and is there a surcharge?`,
  },
  {
    topic: "unanswerable.after_hours",
    documentKinds: ["customer_contract", "sop"],
    absentTerms: ["after-hours", "after hours", "weekend"],
    ask: (n) => `What do we charge ${n.customer} for a weekend or after-hours emergency delivery?`,
  },
  {
    topic: "unanswerable.annual_commitment",
    documentKinds: ["supplier_agreement"],
    absentTerms: ["annual commitment", "minimum annual", "purchase commitment"],
    ask: (n) => `What minimum annual purchase commitment do we have with ${n.supplier}?`,
  },
  {
    topic: "unanswerable.pallet_deposit",
    documentKinds: ["sop", "supplier_agreement"],
    absentTerms: ["pallet"],
    ask: (n) => `Does ${n.supplier} charge a pallet deposit?`,
  },
  {
    topic: "unanswerable.holiday_schedule",
    documentKinds: ["sop"],
    absentTerms: ["holiday"],
    ask: () => "Which days are the warehouses closed over the holidays?",
  },
  {
    topic: "unanswerable.warranty_length",
    documentKinds: ["product_catalog", "customer_contract"],
    absentTerms: ["warranty period", "year warranty", "month warranty"],
    ask: (n) => `How many months of warranty come with ${n.item}?`,
  },
  {
    topic: "unanswerable.stock_level",
    documentKinds: ["product_catalog"],
    absentTerms: ["quantity on hand", "available to promise"],
    ask: (n) => `How many units of ${n.item} do we have on hand right now?`,
  },
  {
    topic: "unanswerable.sample_policy",
    documentKinds: ["pricing_policy", "sop"],
    absentTerms: ["free sample", "samples"],
    ask: (n) => `Can we give ${n.customer} free samples of a new product, and who approves them?`,
  },
];

/** Each template asked about a few different customers, suppliers or items, so large question sets do not run short. */
const ASKS_PER_TEMPLATE = 3;

export function unanswerableQuestions(set: KnowledgeSet, random: Random): QuestionCandidate[] {
  const customers = set.contracts.map((contract) => contract.name);
  const suppliers = set.suppliers.map((agreement) => agreement.name);
  const items = set.catalogs.flatMap((catalog) => catalog.rows.map((row) => `${row.item.name} (${row.item.sku})`));
  const seen = new Set<string>();
  const questions: QuestionCandidate[] = [];
  for (let round = 0; round < ASKS_PER_TEMPLATE; round++) {
    for (const template of TEMPLATES) {
      const question = template.ask({
        customer: customers.length > 0 ? random.pick(customers) : "a customer",
        supplier: suppliers.length > 0 ? random.pick(suppliers) : "a supplier",
        item: items.length > 0 ? random.pick(items) : "an item",
      });
      if (seen.has(question)) continue;
      seen.add(question);
      questions.push({
        kind: "unanswerable",
        topic: template.topic,
        documentKinds: template.documentKinds,
        question,
        answer: UNANSWERABLE_ANSWER,
        sources: [],
        absentTerms: template.absentTerms,
      });
    }
  }
  return questions;
}
