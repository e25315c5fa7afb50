import type { Random } from "../../random.ts";
import { dollars } from "../format.ts";
import type { DamagedGoodsSop } from "../sops/damaged-goods.ts";
import type { HazmatSop } from "../sops/hazmat-shipping.ts";
import { questionsOn } from "./ask.ts";
import type { QuestionCandidate } from "./question.ts";

export function damagedGoodsSopQuestions(sop: DamagedGoodsSop, random: Random): QuestionCandidate[] {
  const { questions, ask } = questionsOn(sop.document, random);
  const { terms: t, passages: p } = sop;
  ask(
    "damage_sop.concealed",
    [
      "How long does a customer have to report concealed damage?",
      "A customer found damage after unpacking. What's the deadline to report it?",
    ],
    `${t.concealedDays} calendar days from delivery.`,
    p.concealed,
  );
  ask(
    "damage_sop.visible",
    ["What should a customer do about visible damage at delivery?"],
    "Note it on the carrier's delivery receipt before signing.",
    p.noteOnReceipt,
  );
  ask(
    "damage_sop.packaging",
    ["How long must the customer keep damaged goods and packaging?"],
    `${t.keepPackagingDays} days, for carrier inspection.`,
    p.keepPackaging,
  );
  ask(
    "damage_sop.replacement",
    ["Can a CSR send a free replacement for goods damaged in transit?"],
    `Yes, for damage up to ${dollars(t.replacementLimit)}; above that the branch manager approves.`,
    p.replacement,
  );
  ask(
    "damage_sop.claim_deadline",
    ["How soon do we file a freight claim with the carrier?"],
    `Within ${t.fileClaimDays} days of the customer's report.`,
    p.fileClaim,
  );
  ask(
    "damage_sop.claim_approval",
    ["Which freight claims need the Director of Operations to sign?"],
    `Claims over ${dollars(t.claimApproval)}.`,
    p.claimApproval,
  );
  ask(
    "damage_sop.write_off",
    ["Do we file a claim for small damage?"],
    `No: damage under ${dollars(t.writeOffBelow)} is written off, not claimed.`,
    p.writeOff,
  );
  ask(
    "damage_sop.inbound",
    ["What does receiving do with damage on a supplier delivery?"],
    "Note it on the supplier's bill of lading before signing, photograph it, and tell the buyer the same day.",
    p.inbound,
  );
  return questions;
}

export function hazmatSopQuestions(sop: HazmatSop, random: Random): QuestionCandidate[] {
  const { questions, ask } = questionsOn(sop.document, random);
  const { terms: t, passages: p } = sop;
  ask(
    "hazmat_sop.training",
    ["Who may pack or sign for a hazmat shipment?"],
    `Only employees whose DOT hazmat training is current; it is renewed every ${t.trainingYears} years.`,
    p.training,
  );
  ask(
    "hazmat_sop.air",
    ["Can we ship a hazardous item by air?"],
    "Only with the Hazmat Coordinator's written approval and an IATA-trained shipper; hazardous items otherwise ship by ground only.",
    p.airApproval,
    p.groundOnly,
  );
  ask(
    "hazmat_sop.package_limit",
    ["What's the weight limit for a Limited Quantity package?"],
    `${t.maxPackageKg} kg gross.`,
    p.packageLimit,
  );
  ask(
    "hazmat_sop.emergency",
    ["What emergency response number goes on hazmat shipping papers?"],
    p.emergency.replace(/^.* is /, "").replace(/\.$/, "."),
    p.emergency,
  );
  ask(
    "hazmat_sop.spill",
    ["What do we do if a hazmat container leaks in the warehouse?"],
    `Stop work, keep people at least ${t.isolateFeet} feet away, and call the Hazmat Coordinator.`,
    p.spill,
  );
  ask(
    "hazmat_sop.coordinator",
    ["Who is our Hazmat Coordinator?"],
    p.coordinator.replace(/^The Hazmat Coordinator is /, ""),
    p.coordinator,
  );
  ask(
    "hazmat_sop.sds",
    ["When do we send a customer the Safety Data Sheet?"],
    "With the first shipment of the item and after each revision.",
    p.sds,
  );
  for (const row of random.sample(p.itemRows, 1)) {
    ask(
      "hazmat_sop.item",
      [`Is ${row.item.sku} (${row.item.name}) a hazardous item?`],
      "Yes, it is on the hazardous items list.",
      row.passage,
    );
  }
  return questions;
}
