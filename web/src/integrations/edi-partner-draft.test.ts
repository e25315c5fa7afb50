import { describe, expect, it } from "vitest";
import { TradingPartner, TradingPartnerInput, TradingPartnerUpdate } from "../../../src/modules/ingest/contract/index.ts";
import { draftOfPartner, EMPTY_EDI_PARTNER, ediPartnerInput, ediPartnerUpdate } from "./edi-partner-draft.ts";

describe("EDI partner draft", () => {
  it("sends the partner's and our ids, trimmed, with only what was filled in, which the API's schema takes", () => {
    const input = ediPartnerInput({
      ...EMPTY_EDI_PARTNER,
      name: " acme-retail ",
      their: { qualifier: "01", id: " 123456789 ", applicationId: "" },
      ours: { qualifier: "zz", id: "CROSSDOCK", applicationId: "CDAPP" },
      sends: ["850", "860"],
      customerExternalId: " C-100 ",
      inbox: " acme/in ",
    });
    expect(input).toEqual({
      name: "acme-retail",
      their: { qualifier: "01", id: "123456789" },
      ours: { qualifier: "ZZ", id: "CROSSDOCK", application_id: "CDAPP" },
      sends: ["850", "860"],
      customer_external_id: "C-100",
      currency: "USD",
      usage: "P",
      acknowledge: true,
      inbox: "acme/in",
      outbound: { type: "none" },
    });
    expect(TradingPartnerInput.safeParse(input).success).toBe(true);
  });

  it("writes documents to an outbox folder when one is named, and sends no inbox as null", () => {
    const input = ediPartnerInput({
      ...EMPTY_EDI_PARTNER,
      name: "van",
      their: { qualifier: "ZZ", id: "VAN", applicationId: "" },
      ours: { qualifier: "ZZ", id: "US", applicationId: "" },
      outbox: "van/out",
      usage: "T",
      acknowledge: false,
    });
    expect(input).toMatchObject({ inbox: null, outbound: { type: "folder", path: "van/out" }, usage: "T", acknowledge: false });
    expect(TradingPartnerInput.safeParse(input).success).toBe(true);
  });

  it("sends no set ticked as it is, for the API to say one is needed", () => {
    const input = ediPartnerInput({ ...EMPTY_EDI_PARTNER, name: "x", sends: [] });
    const parsed = TradingPartnerInput.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toContain("sends");
  });

  it("shows a stored partner as the form's draft, and sends every setting back as it was, a cleared customer as null", () => {
    const partner = TradingPartner.parse({
      id: "edi_1",
      name: "acme",
      source_id: "src_1",
      their: { qualifier: "12", id: "4405197800", application_id: "ACMEAPP" },
      ours: { qualifier: "01", id: "999999999" },
      sends: ["850", "860"],
      source_system: "edi-acme",
      customer_external_id: "CUS-1",
      supplier_external_id: null,
      currency: "CAD",
      usage: "T",
      acknowledge: false,
      outbound: { type: "folder", path: "acme/out" },
      inbox: "acme/in",
      mappings: {},
      status: "active",
      created_at: "2026-12-01T00:00:00.000Z",
      updated_at: "2026-12-01T00:00:00.000Z",
    });
    const draft = draftOfPartner(partner);
    expect(draft).toMatchObject({ name: "acme", outbox: "acme/out", inbox: "acme/in", customerExternalId: "CUS-1" });
    const unchanged = ediPartnerUpdate(draft);
    expect(unchanged).toEqual({
      their: partner.their,
      ours: partner.ours,
      sends: ["850", "860"],
      source_system: "edi-acme",
      customer_external_id: "CUS-1",
      supplier_external_id: null,
      currency: "CAD",
      usage: "T",
      acknowledge: false,
      inbox: "acme/in",
      outbound: { type: "folder", path: "acme/out" },
    });
    expect(TradingPartnerUpdate.safeParse(unchanged).success).toBe(true);
    const cleared = ediPartnerUpdate({ ...draft, customerExternalId: " ", outbox: "", inbox: "" });
    expect(cleared).toMatchObject({ customer_external_id: null, outbound: { type: "none" }, inbox: null });
  });
});
