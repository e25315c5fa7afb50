import { describe, expect, it } from "vitest";
import { readEdi } from "./read-edi.ts";
import { sample } from "./testing/samples.ts";

describe("telling X12 from EDIFACT", () => {
  it("reads X12 and EDIFACT by their first segment, after a byte-order mark and whitespace", () => {
    expect(readEdi(Buffer.from(`\ufeff\n${sample()}`))).toMatchObject({ standard: "x12", read: { ok: true } });
    expect(readEdi("UNA:+.? 'UNB+UNOA:1+S+R+260305:1407+1'UNH+1+ORDERS:D:96A:UN'UNT+2+1'UNZ+1+1'")).toMatchObject({
      standard: "edifact",
      read: { ok: true },
    });
  });

  it("finds the envelope after a little junk", () => {
    const read = readEdi(`From: partner@example.com\r\n\r\n${sample()}`);
    expect(read).toMatchObject({ standard: "x12", read: { ok: true, diagnostics: [{ code: "junk_before_header" }] } });
  });

  it("rejects TRADACOMS, other text and empty input, naming what it found", () => {
    expect(readEdi("STX=ANA:1+5000000000000:SOME STORES LTD+5010000000000:SUPPLIER UK LTD+070315:130410+000007'")).toMatchObject({
      standard: null,
      read: { ok: false, diagnostics: [{ code: "unsupported_standard", segment: { id: "STX", offset: 0 } }] },
    });
    expect(readEdi('<?xml version="1.0"?><Order/>')).toMatchObject({
      read: { ok: false, diagnostics: [{ code: "not_edi", segment: { id: "<?x" } }] },
    });
    expect(readEdi("")).toMatchObject({ read: { ok: false, diagnostics: [{ code: "empty_input" }] } });
  });
});
