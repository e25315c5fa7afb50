import type { WriteContext } from "../../../platform/actor.ts";
import type { Database } from "../../../platform/db/database.ts";
import type { Logger } from "../../../platform/logger.ts";
import type { Records } from "../../records/index.ts";
import type {
  DocumentQuery,
  GenerateDocumentInput,
  InterchangeAccepted,
  InterchangeQuery,
  TradingPartnerInput,
  TradingPartnerUpdate,
} from "../contract/index.ts";
import { EDI_READY_MAPPINGS } from "./mappings/index.ts";
import { deliverPending } from "./outbound/deliver.ts";
import { getDocument, listDocuments } from "./outbound/document-store.ts";
import { generateDocument } from "./outbound/generate-document.ts";
import { createPartner, getPartner, listPartners, updatePartner } from "./partners/partner-store.ts";
import { type EdiProcessor, processUntilDone, startEdiProcessor } from "./process/edi-processor.ts";
import type { EdiProcessDeps } from "./process/process-receipts.ts";
import { findInterchange, getInterchange, listInterchanges } from "./receive/interchange-reads.ts";
import { receiveInterchange } from "./receive/receive-interchange.ts";
import { type InboxOptions, type InboxWatcher, startInboxWatcher } from "./watch/inbox-watcher.ts";

export type EdiIntakeDeps = {
  db: Database;
  records: Records;
  logger: Logger;
  clock: () => Date;
  /** Root of the partners' watched folders (`<root>/<tenant id>/<partner's inbox>`); no folder is watched without one. */
  inboxDir?: string | undefined;
  /** Root of the partners' outbox folders (`<root>/<tenant id>/<partner's outbound path>`). */
  outboxDir?: string | undefined;
  inbox?: InboxOptions;
  /** Counts interchanges processed and quarantined (ingest's receipts metric). */
  counted?: (outcome: "processed" | "quarantined", count: number) => void;
};

export type ReceiveInput = {
  /** The partner's id or name; found by the ISA's sender when left out. */
  partner?: string | undefined;
  body: Buffer;
  contentType?: string | undefined;
  /** Answer only once the interchange is processed, with its outcome. */
  wait?: boolean;
};

/**
 * EDI intake and outbound documents: trading partners, interchanges received (through the API,
 * a watched folder or the CLI) as receipts of the partner's source, processed into records with a
 * 997 for each group, and 855/856/810 documents made from records. See README.md.
 */
export function createEdiIntake(deps: EdiIntakeDeps) {
  const processDeps: EdiProcessDeps = {
    db: deps.db,
    records: deps.records,
    logger: deps.logger,
    clock: deps.clock,
    outboxDir: deps.outboxDir,
    counted: deps.counted,
  };
  const partnerDeps = { db: deps.db, clock: deps.clock };
  let processor: EdiProcessor | undefined;
  let watcher: InboxWatcher | undefined;
  /** Everything stored so far processed: by the running processor, or here when none runs (the CLI). */
  const drain = () => (processor ? processor.drain() : processUntilDone(processDeps));

  async function receive(tenantId: string, input: ReceiveInput): Promise<InterchangeAccepted> {
    const received = await receiveInterchange(deps.db, deps.clock, tenantId, input);
    processor?.poke();
    if (input.wait) await drain();
    return {
      receipt_id: received.receiptId,
      duplicate: received.duplicate,
      partner_id: received.partner.id,
      control_number: received.controlNumber,
      interchange: input.wait ? ((await findInterchange(deps.db, tenantId, received.receiptId)) ?? null) : null,
    };
  }

  return {
    partners: {
      create: (ctx: WriteContext, input: TradingPartnerInput) => createPartner(partnerDeps, ctx, input),
      list: (tenantId: string) => listPartners(deps.db, tenantId),
      get: (tenantId: string, idOrName: string) => getPartner(deps.db, tenantId, idOrName),
      update: (ctx: WriteContext, idOrName: string, update: TradingPartnerUpdate) =>
        updatePartner(partnerDeps, ctx, idOrName, update),
    },
    /** The mappings shipped for 850, 856 and 810, each with its spec (a partner's own starts from one). */
    readyMappings: () =>
      Object.entries(EDI_READY_MAPPINGS).map(([name, mapping]) => ({
        name,
        set: mapping.set,
        title: mapping.title,
        description: mapping.description,
        spec: mapping.spec,
      })),
    /** An interchange as it arrived: stored (once per sender and ISA13), answered, processed after (or before, with `wait`). */
    receive,
    interchanges: {
      list: async (tenantId: string, partner: string, query: InterchangeQuery) =>
        listInterchanges(deps.db, tenantId, (await getPartner(deps.db, tenantId, partner)).id, query),
      get: (tenantId: string, receiptId: string) => getInterchange(deps.db, tenantId, receiptId),
    },
    documents: {
      generate: (ctx: WriteContext, partner: string, input: GenerateDocumentInput) =>
        generateDocument({ ...processDeps }, ctx, partner, input),
      list: async (tenantId: string, partner: string, query: DocumentQuery) =>
        listDocuments(deps.db, tenantId, (await getPartner(deps.db, tenantId, partner)).id, query),
      get: (tenantId: string, id: string) => getDocument(deps.db, tenantId, id),
      /** Writes the partner's documents not yet in its outbox folder (new ones, and ones that failed). */
      async deliver(tenantId: string, id: string) {
        const document = await getDocument(deps.db, tenantId, id);
        await deliverPending(processDeps, tenantId, await getPartner(deps.db, tenantId, document.partner_id));
        return getDocument(deps.db, tenantId, id);
      },
    },
    /** Starts processing interchanges, and watching the partners' inbox folders when there is an inbox root. */
    start() {
      processor ??= startEdiProcessor(processDeps);
      if (deps.inboxDir && !watcher) {
        watcher = startInboxWatcher(
          {
            db: deps.db,
            logger: deps.logger,
            clock: deps.clock,
            inboxDir: deps.inboxDir,
            drain,
            receive: async (tenantId, partner, body) => {
              const received = await receiveInterchange(deps.db, deps.clock, tenantId, { partner: partner.id, body });
              processor?.poke();
              return received;
            },
          },
          deps.inbox,
        );
      }
    },
    /** Waits until every interchange stored so far is processed or quarantined (tests, the CLI). */
    drain,
    /** One pass over the watched folders now (tests). */
    scanInboxes: () => watcher?.scan() ?? Promise.resolve(),
    async stop() {
      await watcher?.stop();
      watcher = undefined;
      await processor?.stop();
      processor = undefined;
    },
  };
}
