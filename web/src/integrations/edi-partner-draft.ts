import type { TradingPartner, TradingPartnerInput, TradingPartnerUpdate } from "../contract.ts";

/** The sets a partner may send, with what each is. */
export const INBOUND_SETS = [
  { set: "850", label: "850 purchase order" },
  { set: "860", label: "860 purchase order change" },
  { set: "855", label: "855 order acknowledgment" },
  { set: "856", label: "856 ship notice" },
  { set: "810", label: "810 invoice" },
  { set: "997", label: "997 functional acknowledgment" },
  { set: "999", label: "999 implementation acknowledgment" },
] as const;
export type InboundSet = (typeof INBOUND_SETS)[number]["set"];

export type PartyDraft = { qualifier: string; id: string; applicationId: string };

/** The trading-partner form as typed, turned into the API's input by ediPartnerInput. */
export type EdiPartnerDraft = {
  name: string;
  their: PartyDraft;
  ours: PartyDraft;
  sends: InboundSet[];
  sourceSystem: string;
  customerExternalId: string;
  supplierExternalId: string;
  currency: string;
  usage: "P" | "T";
  acknowledge: boolean;
  /** A folder below the tenant's part of the EDI inbox that is watched for its files; empty: none. */
  inbox: string;
  /** A folder below the tenant's part of the EDI outbox its 997s and documents are written to; empty: kept for the API. */
  outbox: string;
};

export const EMPTY_EDI_PARTNER: EdiPartnerDraft = {
  name: "",
  their: { qualifier: "ZZ", id: "", applicationId: "" },
  ours: { qualifier: "ZZ", id: "", applicationId: "" },
  sends: INBOUND_SETS.map((each) => each.set),
  sourceSystem: "",
  customerExternalId: "",
  supplierExternalId: "",
  currency: "USD",
  usage: "P",
  acknowledge: true,
  inbox: "",
  outbox: "",
};

const optional = <K extends string>(key: K, text: string): { [P in K]?: string } =>
  (text.trim() ? { [key]: text.trim() } : {}) as { [P in K]?: string };

function partyOf(party: PartyDraft): TradingPartnerInput["their"] {
  return {
    qualifier: party.qualifier.trim().toUpperCase(),
    id: party.id.trim(),
    ...optional("application_id", party.applicationId),
  };
}

/** What POST /api/v1/edi/partners is sent for a draft. */
export function ediPartnerInput(draft: EdiPartnerDraft): TradingPartnerInput {
  return {
    name: draft.name.trim(),
    their: partyOf(draft.their),
    ours: partyOf(draft.ours),
    // None ticked is sent as is, for the API to say at least one is needed.
    sends: [...draft.sends],
    ...optional("source_system", draft.sourceSystem),
    ...optional("customer_external_id", draft.customerExternalId),
    ...optional("supplier_external_id", draft.supplierExternalId),
    ...optional("currency", draft.currency.toUpperCase()),
    usage: draft.usage,
    acknowledge: draft.acknowledge,
    inbox: draft.inbox.trim() || null,
    outbound: draft.outbox.trim() ? { type: "folder", path: draft.outbox.trim() } : { type: "none" },
  };
}

/** A partner as stored, as the form shows it for a change. */
export function draftOfPartner(partner: TradingPartner): EdiPartnerDraft {
  const party = (side: TradingPartner["their"]): PartyDraft => ({
    qualifier: side.qualifier,
    id: side.id,
    applicationId: side.application_id ?? "",
  });
  return {
    name: partner.name,
    their: party(partner.their),
    ours: party(partner.ours),
    sends: partner.sends.filter((set): set is InboundSet => INBOUND_SETS.some((each) => each.set === set)),
    sourceSystem: partner.source_system,
    customerExternalId: partner.customer_external_id ?? "",
    supplierExternalId: partner.supplier_external_id ?? "",
    currency: partner.currency,
    usage: partner.usage,
    acknowledge: partner.acknowledge,
    inbox: partner.inbox ?? "",
    outbox: partner.outbound.type === "folder" ? partner.outbound.path : "",
  };
}

/**
 * What PATCH /api/v1/edi/partners/{id} is sent for a changed draft: every setting the form shows
 * (its name is not changed). A customer or supplier emptied is cleared; the records' system, when
 * emptied, is left as it is (records already written are kept under it).
 */
export function ediPartnerUpdate(draft: EdiPartnerDraft): TradingPartnerUpdate {
  const { name: _, ...input } = ediPartnerInput(draft);
  return {
    ...input,
    customer_external_id: draft.customerExternalId.trim() || null,
    supplier_external_id: draft.supplierExternalId.trim() || null,
  };
}
