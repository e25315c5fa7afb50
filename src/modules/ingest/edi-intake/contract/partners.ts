import { z } from "zod";
import { SourceMapping, SourceStatus } from "../../contract/sources.ts";

/** Transaction sets a partner may send Crossdock. */
export const InboundSet = z.enum(["850", "860", "855", "856", "810", "997", "999"]);
export type InboundSet = z.infer<typeof InboundSet>;

/** Transaction sets Crossdock writes for a partner from canonical records (the 997 is written for every group received). */
export const OutboundSet = z.enum(["855", "856", "810"]);
export type OutboundSet = z.infer<typeof OutboundSet>;

const PartnerName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,58}$/, "lower-case letters, digits and dashes, up to 59, starting with a letter or digit");

/** A folder path below a root Crossdock owns (the tenant's part of the EDI inbox or outbox): no `..`, not absolute. */
const RelativeFolder = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/, "a relative folder: letters, digits, . _ - and /")
  .refine((value) => !value.split("/").some((part) => part === "." || part === ".."), "may not contain . or .. parts");

/** An interchange party: ISA05/ISA06 (or ISA07/ISA08) and the GS02/GS03 application id. */
export const EdiParty = z
  .object({
    /** ISA qualifier: 01 DUNS, 08 UCC EDI comm id, 12 phone, 14 DUNS+suffix, ZZ mutually defined, … */
    qualifier: z.string().regex(/^[A-Z0-9]{2}$/, "two letters or digits, e.g. ZZ or 01"),
    /** ISA06 / ISA08 as the partner agreement says (trailing spaces are padding and not part of it). */
    id: z
      .string()
      .min(1)
      .max(15)
      .regex(/^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/, "printable ASCII, no leading or trailing spaces"),
    /** GS02 / GS03; the interchange id when left out. */
    application_id: z
      .string()
      .min(2)
      .max(15)
      .regex(/^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/)
      .optional(),
  })
  .strict();
export type EdiParty = z.infer<typeof EdiParty>;

/**
 * Where documents for the partner (the 997s answering what it sent, and the 855/856/810 made for
 * it) go besides being stored: nowhere else (`none`; the partner's gateway fetches them from the
 * API), or a folder below the tenant's part of the EDI outbox, which a VAN or AS2 gateway sends on.
 */
export const EdiOutboundChannel = z.discriminatedUnion("type", [
  z.object({ type: z.literal("none") }).strict(),
  z.object({ type: z.literal("folder"), path: RelativeFolder }).strict(),
]);
export type EdiOutboundChannel = z.infer<typeof EdiOutboundChannel>;

/** A partner's own mapping for a set Crossdock maps with the mapping engine, instead of the ready one. */
export const EdiSetMappings = z.object({ "850": SourceMapping, "856": SourceMapping, "810": SourceMapping }).partial().strict();

export const TradingPartnerInput = z
  .object({
    name: PartnerName,
    /** The partner's interchange and application ids: what its ISA06/GS02 say. */
    their: EdiParty,
    /** Ours, as the partner addresses us (its ISA08/GS03), and as we sign what we send. */
    ours: EdiParty,
    /** What it sends; a set not listed is rejected in the 997 (AK5 R 1). All of them when left out. */
    sends: z.array(InboundSet).min(1).max(7).optional(),
    /** The `source_system` its records are kept under; `edi-<name>` when left out. */
    source_system: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, "letters, digits and _ . : -")
      .max(64)
      .optional(),
    /** The customer it is (850, 860), when its orders' N1*BY does not name one; null for none. */
    customer_external_id: z.string().min(1).max(100).nullable().optional(),
    /** The supplier it is (855, 856, 810); null for none. */
    supplier_external_id: z.string().min(1).max(100).nullable().optional(),
    /** Currency of its documents when they carry no CUR; USD when left out. */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
    /** ISA15 of what we send: P production, T test. */
    usage: z.enum(["P", "T"]).optional(),
    /** Answer each functional group it sends with a 997 (true when left out). */
    acknowledge: z.boolean().optional(),
    outbound: EdiOutboundChannel.optional(),
    /** A folder below the tenant's part of the EDI inbox that Crossdock watches for its files; none when left out. */
    inbox: RelativeFolder.nullable().optional(),
    /** Per set, a mapping of the tenant's own over the set's EDI view, in place of the ready one. */
    mappings: EdiSetMappings.optional(),
    status: SourceStatus.optional(),
  })
  .strict();
export type TradingPartnerInput = z.infer<typeof TradingPartnerInput>;

export const TradingPartnerUpdate = TradingPartnerInput.omit({ name: true }).partial().strict();
export type TradingPartnerUpdate = z.infer<typeof TradingPartnerUpdate>;

/** A trading partner as stored, with every default filled in. */
export const TradingPartner = z.object({
  id: z.string(),
  name: z.string(),
  /** The ingest source its interchanges are receipts of (`GET /api/v1/ingest/receipts?source=`). */
  source_id: z.string(),
  their: EdiParty,
  ours: EdiParty,
  sends: z.array(InboundSet),
  source_system: z.string(),
  customer_external_id: z.string().nullable(),
  supplier_external_id: z.string().nullable(),
  currency: z.string(),
  usage: z.enum(["P", "T"]),
  acknowledge: z.boolean(),
  outbound: EdiOutboundChannel,
  inbox: z.string().nullable(),
  mappings: EdiSetMappings,
  status: SourceStatus,
  created_at: z.string(),
  updated_at: z.string(),
});
export type TradingPartner = z.infer<typeof TradingPartner>;
