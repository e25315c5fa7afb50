import type { Random } from "../random.ts";
import type { DemoFile, DemoWorld } from "../world.ts";
import { buildCategoryCatalog } from "./catalog/category-catalog.ts";
import { chooseContractCustomers, chooseSuppliers } from "./choose-subjects.ts";
import { drawPeople, type KnowledgeContext } from "./context.ts";
import { buildCustomerContract } from "./contracts/customer-contract.ts";
import { buildSupplierAgreement } from "./contracts/supplier-agreement.ts";
import type { KnowledgeDocument } from "./document.ts";
import { shortName } from "./format.ts";
import { buildManifest, MANIFEST_PATH, QUESTIONS_PATH } from "./manifest.ts";
import { buildPricingPolicy } from "./policies/pricing-policy.ts";
import { catalogQuestions } from "./questions/catalog-questions.ts";
import { customerContractQuestions } from "./questions/customer-contract-questions.ts";
import { creditHoldSopQuestions, expediteSopQuestions, returnsSopQuestions } from "./questions/customer-service-sop-questions.ts";
import { ungroundedFacts } from "./questions/key-facts.ts";
import { type KnowledgeSet, multiHopQuestions } from "./questions/multi-hop-questions.ts";
import { pricingPolicyQuestions } from "./questions/pricing-policy-questions.ts";
import type { KnowledgeQuestion } from "./questions/question.ts";
import { selectQuestions } from "./questions/select-questions.ts";
import { supplierAgreementQuestions } from "./questions/supplier-agreement-questions.ts";
import { unanswerableQuestions } from "./questions/unanswerable-questions.ts";
import { damagedGoodsSopQuestions, hazmatSopQuestions } from "./questions/warehouse-sop-questions.ts";
import { renderDocument } from "./render/files.ts";
import { KNOWLEDGE_SIZES } from "./scale.ts";
import { buildCreditHoldSop } from "./sops/credit-hold.ts";
import { buildDamagedGoodsSop } from "./sops/damaged-goods.ts";
import { buildExpediteSop } from "./sops/expedite.ts";
import { buildHazmatSop } from "./sops/hazmat-shipping.ts";
import { buildReturnsSop } from "./sops/returns.ts";
import { indexWorld } from "./world-index.ts";

/**
 * The demo distributor's knowledge documents under `knowledge/`: customer contracts (Markdown and
 * PDF), supplier agreements, SOPs, the pricing policy (Markdown and PDF), catalog pages per
 * category, and the ground truth a copilot is scored on (`questions.json`, `manifest.json`).
 */
export function generateKnowledge(world: DemoWorld, random: Random): DemoFile[] {
  const index = indexWorld(world);
  const sizes = KNOWLEDGE_SIZES[world.scale];
  const context: KnowledgeContext = { index, company: world.company, sizes, people: drawPeople(random.fork("people")) };

  const chosen = chooseContractCustomers(index, sizes, random.fork("contract-customers"));
  const contractRandom = random.fork("customer-contracts");
  const contracts = chosen.map(({ customer, keyAccount }) =>
    buildCustomerContract(
      context,
      customer,
      keyAccount,
      contractRandom.fork(customer.external_id),
      spokenName(
        customer.name,
        chosen.map((c) => c.customer.name),
      ),
    ),
  );
  const supplierRandom = random.fork("supplier-agreements");
  const supplierRows = chooseSuppliers(index, sizes, random.fork("suppliers"));
  const suppliers = supplierRows.map((supplier) =>
    buildSupplierAgreement(
      context,
      supplier,
      supplierRandom.fork(supplier.external_id),
      spokenName(
        supplier.name,
        supplierRows.map((s) => s.name),
      ),
    ),
  );
  const returns = buildReturnsSop(context, random.fork("sop-returns"));
  const creditHold = buildCreditHoldSop(context, random.fork("sop-credit-hold"));
  const expedite = buildExpediteSop(context, random.fork("sop-expedite"));
  const damagedGoods = buildDamagedGoodsSop(context, random.fork("sop-damaged-goods"));
  const hazmat = buildHazmatSop(context, random.fork("sop-hazmat"));
  const policy = buildPricingPolicy(context, random.fork("pricing-policy"));
  const mustList = new Set([
    ...contracts.flatMap((contract) => contract.exhibit.map((row) => row.item.external_id)),
    // Some discontinued items with their replacements, so "what replaces it?" has an answer.
    ...random
      .fork("catalog-replacements")
      .sample(
        [...index.replacements].sort(([a], [b]) => (a < b ? -1 : 1)),
        Math.ceil(sizes.catalogItemsPerCategory / 2),
      )
      .flatMap(([old, { replacedBy }]) => [old, replacedBy]),
  ]);
  const catalogRandom = random.fork("catalog");
  const catalogs = [...index.itemsByCategory.keys()].map((category) =>
    buildCategoryCatalog(context, category, mustList, catalogRandom.fork(category)),
  );

  const documents: KnowledgeDocument[] = [
    ...contracts.map((contract) => contract.document),
    ...suppliers.map((agreement) => agreement.document),
    ...[returns, creditHold, expedite, damagedGoods, hazmat].map((sop) => sop.document),
    policy.document,
    ...catalogs.map((catalog) => catalog.document),
  ];
  const set: KnowledgeSet = { contracts, suppliers, catalogs, policy, returns, creditHold, expedite, hazmat };
  const asking = random.fork("questions");
  const candidates = [
    ...contracts.flatMap((contract) => customerContractQuestions(contract, asking.fork(contract.document.path))),
    ...suppliers.flatMap((agreement) => supplierAgreementQuestions(agreement, asking.fork(agreement.document.path))),
    ...returnsSopQuestions(returns, asking.fork("returns")),
    ...creditHoldSopQuestions(creditHold, asking.fork("credit-hold")),
    ...expediteSopQuestions(expedite, asking.fork("expedite")),
    ...damagedGoodsSopQuestions(damagedGoods, asking.fork("damaged-goods")),
    ...hazmatSopQuestions(hazmat, asking.fork("hazmat")),
    ...pricingPolicyQuestions(policy, asking.fork("pricing-policy")),
    ...catalogs.flatMap((catalog) => catalogQuestions(catalog, asking.fork(catalog.document.path))),
    ...multiHopQuestions(set, asking.fork("multi-hop")),
    ...unanswerableQuestions(set, asking.fork("unanswerable")),
  ];
  const questions = selectQuestions(candidates, sizes.questions, random.fork("question-selection"));

  const renderOptions = { publisher: world.company.legalName, date: world.end };
  const files = documents.flatMap((document) => renderDocument(document, renderOptions));
  checkGrounded(questions, files);
  files.push({ path: QUESTIONS_PATH, content: `${JSON.stringify(questions, null, 2)}\n` });
  files.push({ path: MANIFEST_PATH, content: `${JSON.stringify(buildManifest(world, documents), null, 2)}\n` });
  return files;
}

/** How people name a company; the full name when two share the short one. */
function spokenName(name: string, all: string[]): string {
  const short = shortName(name);
  return all.filter((other) => shortName(other) === short).length > 1 ? name : short;
}

/** A question whose passage is not in its document, or whose answer states a number no passage does, is a bug here. */
function checkGrounded(questions: KnowledgeQuestion[], files: DemoFile[]): void {
  const texts = new Map(
    files.filter((file) => typeof file.content === "string").map((file) => [file.path, file.content as string]),
  );
  for (const question of questions) {
    for (const source of question.sources) {
      if (!texts.get(source.path)?.includes(source.passage)) {
        throw new Error(`knowledge question ${question.id} cites a passage not in ${source.path}: ${source.passage}`);
      }
    }
    const ungrounded = question.kind === "unanswerable" ? [] : ungroundedFacts(question);
    if (ungrounded.length > 0)
      throw new Error(`knowledge question ${question.id} states ${ungrounded.join(", ")} that no cited passage does`);
  }
}
