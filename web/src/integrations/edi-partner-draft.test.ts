import { describe, expect, it } from "vitest";
import { TradingPartnerInput } from "../../../src/modules/ingest/contract/index.ts";
import { EMPTY_EDI_PARTNER, ediPartnerInput } from "./edi-partner-draft.ts";

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
});
