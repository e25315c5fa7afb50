import type { Random } from "../random.ts";
import type { DemoFile, DemoWorld } from "../world.ts";
import { billsOfLading } from "./kinds/bills-of-lading.ts";
import type { KindContext } from "./kinds/context.ts";
import { customerPurchaseOrders } from "./kinds/customer-purchase-orders.ts";
import { proofsOfDelivery } from "./kinds/proofs-of-delivery.ts";
import { rebateClaims } from "./kinds/rebate-claims.ts";
import { shipNotices } from "./kinds/ship-notices.ts";
import { supplierInvoices } from "./kinds/supplier-invoices.ts";
import { manifestOf } from "./manifest.ts";
import { PathRegistry } from "./paths.ts";
import type { GeneratedDocument } from "./truth/truth.ts";
import { VOLUMES } from "./volume.ts";
import { indexWorld } from "./world-index.ts";

const KINDS: [string, (context: KindContext) => GeneratedDocument[]][] = [
  ["customer-po", customerPurchaseOrders],
  ["supplier-invoice", supplierInvoices],
  ["ship-notice", shipNotices],
  ["bill-of-lading", billsOfLading],
  ["proof-of-delivery", proofsOfDelivery],
  ["rebate-claim", rebateClaims],
];

/**
 * The documents a distributor receives and sends, generated from the demo world: customer POs (PDF,
 * scanned, EDI 850), supplier invoices (PDF, EDI 810), ship notices (EDI 856), bills of lading,
 * proofs of delivery and rebate claims. Each document has its ground truth beside it
 * (`<path>.truth.json`), and `documents/manifest.json` lists them all. Same world and seed, same bytes.
 */
export function generateDocuments(world: DemoWorld, random: Random): DemoFile[] {
  const index = indexWorld(world);
  const paths = new PathRegistry();
  const partners = random.fork("partners");
  const volume = VOLUMES[world.scale];
  const documents = KINDS.flatMap(([name, generate]) => generate({ index, volume, paths, partners, random: random.fork(name) }));
  const files: DemoFile[] = documents.flatMap((document) => [
    { path: document.path, content: document.content },
    { path: `${document.path}.truth.json`, content: `${JSON.stringify(document.truth, null, 2)}\n` },
  ]);
  files.push({ path: "documents/manifest.json", content: `${JSON.stringify(manifestOf(world, documents), null, 2)}\n` });
  return files;
}
