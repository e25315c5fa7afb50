import type { Random } from "../../random.ts";
import type { KnowledgeQuestion, QuestionCandidate } from "./question.ts";

/** Shares of the question set: single-document facts by document kind, then multi-hop and unanswerable. */
const SHARES: [bucket: string, share: number][] = [
  ["customer_contract", 0.28],
  ["supplier_agreement", 0.14],
  ["sop", 0.15],
  ["pricing_policy", 0.07],
  ["product_catalog", 0.08],
  ["multi_hop", 0.17],
  ["unanswerable", 0.11],
];

/**
 * About `total` questions, in the shares above; a bucket short of candidates gives its places to
 * the others. Within a bucket, topics take turns, so one kind of question never crowds out the rest.
 */
export function selectQuestions(candidates: QuestionCandidate[], total: number, random: Random): KnowledgeQuestion[] {
  const buckets = new Map<string, QuestionCandidate[]>(SHARES.map(([bucket]) => [bucket, []]));
  for (const candidate of candidates) buckets.get(bucketOf(candidate))?.push(candidate);
  const ordered = new Map([...buckets].map(([bucket, list]) => [bucket, interleaveTopics(list, random.fork(bucket))]));

  const quotas = new Map(SHARES.map(([bucket, share]) => [bucket, Math.floor(share * total)]));
  let left = total - [...quotas.values()].reduce((sum, quota) => sum + quota, 0);
  for (const [bucket] of SHARES) {
    if (left-- <= 0) break;
    quotas.set(bucket, (quotas.get(bucket) ?? 0) + 1);
  }
  let shortfall = 0;
  for (const [bucket, list] of ordered) {
    const quota = quotas.get(bucket) ?? 0;
    if (list.length < quota) {
      shortfall += quota - list.length;
      quotas.set(bucket, list.length);
    }
  }
  while (shortfall > 0) {
    const spare = SHARES.map(([bucket]) => bucket).filter(
      (bucket) => (ordered.get(bucket)?.length ?? 0) > (quotas.get(bucket) ?? 0),
    );
    if (spare.length === 0) break;
    for (const bucket of spare) {
      if (shortfall === 0) break;
      quotas.set(bucket, (quotas.get(bucket) ?? 0) + 1);
      shortfall--;
    }
  }
  const chosen = SHARES.flatMap(([bucket]) => (ordered.get(bucket) ?? []).slice(0, quotas.get(bucket) ?? 0));
  return chosen.map((candidate, index) => ({ id: `q-${String(index + 1).padStart(4, "0")}`, ...candidate }));
}

function bucketOf(candidate: QuestionCandidate): string {
  if (candidate.kind !== "fact") return candidate.kind;
  return candidate.documentKinds[0] ?? "unanswerable";
}

/** Candidates reordered so topics take turns (topic order and order within a topic drawn at random). */
function interleaveTopics(candidates: QuestionCandidate[], random: Random): QuestionCandidate[] {
  const byTopic = new Map<string, QuestionCandidate[]>();
  for (const candidate of candidates) {
    const list = byTopic.get(candidate.topic);
    if (list) list.push(candidate);
    else byTopic.set(candidate.topic, [candidate]);
  }
  const queues = random.shuffle([...byTopic.keys()].sort()).map((topic) => random.shuffle(byTopic.get(topic) ?? []));
  const result: QuestionCandidate[] = [];
  for (let round = 0; result.length < candidates.length; round++) {
    for (const queue of queues) {
      const next = queue[round];
      if (next) result.push(next);
    }
  }
  return result;
}
