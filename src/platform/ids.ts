import { randomFillSync } from "node:crypto";
import { encodeTime, monotonicFactory } from "ulidx";

/**
 * Prefixed, time-sortable ids (`so_01jd…`): the prefix says what the id names, so logs and audit
 * entries read well; the ULID part sorts by creation time, so keyset pagination by id is stable.
 */
export const ID_PREFIXES = {
  partner: "ptn",
  tenant: "ten",
  user: "usr",
  apiKey: "key",
  session: "ses",
  audit: "aud",
  event: "evt",
  request: "req",
  import: "imp",
  item: "item",
  itemXref: "xref",
  location: "loc",
  customer: "cus",
  shipTo: "shp2",
  supplier: "sup",
  priceList: "prl",
  priceAgreement: "pag",
  salesOrder: "so",
  purchaseOrder: "po",
  receipt: "rcp",
  shipment: "shpm",
  invoice: "inv",
  inventoryBalance: "ibal",
  inventoryMovement: "imov",
  serviceCase: "case",
  workflow: "wf",
  ingestSource: "src",
  ingestReceipt: "rcv",
  documentFile: "dfl",
  document: "doc",
} as const;

export type IdPrefix = (typeof ID_PREFIXES)[keyof typeof ID_PREFIXES];

// ulidx asks for one random number per character, and its default source makes a system call for each;
// one call fills a buffer for a few hundred ids. Each byte picks a character: byte / 256 * 32 is uniform.
const randomBytes = Buffer.alloc(4096);
let nextByte = randomBytes.length;
function pooledRandom(): number {
  if (nextByte === randomBytes.length) {
    randomFillSync(randomBytes);
    nextByte = 0;
  }
  return (randomBytes[nextByte++] as number) / 256;
}

const ulid = monotonicFactory(pooledRandom);

export function newId(prefix: IdPrefix | string): string {
  return `${prefix}_${ulid().toLowerCase()}`;
}

export function hasPrefix(id: string, prefix: string): boolean {
  return id.startsWith(`${prefix}_`) && id.length === prefix.length + 27;
}

/** The lowest id of `prefix` made at or after `at`: ids sort by when they were made, so a range of ids is a range of time. */
export function firstIdAt(prefix: IdPrefix | string, at: Date): string {
  return `${prefix}_${encodeTime(Math.max(0, at.getTime()), 10).toLowerCase()}${"0".repeat(16)}`;
}
