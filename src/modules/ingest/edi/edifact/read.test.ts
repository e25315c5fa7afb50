import { describe, expect, it } from "vitest";
import { readEdifact } from "./read.ts";

const ORDERS = [
  "UNB+UNOC:3+5412345000013:14+4012345000094:14+260305:1407+REF42'",
  "UNH+1+ORDERS:D:96A:UN:EAN008'",
  "BGM+220+PO-4471+9'",
  "DTM+137:20260301:102'",
  "NAD+BY+5412345000013::9'",
  "LIN+1++4000862141404:SRS'",
  "QTY+21:10:PCE'",
  "UNT+7+1'",
  "UNZ+1+REF42'",
];

describe("reading EDIFACT to the segment level", () => {
  it("reads the envelope with default separators and identifies the message", () => {
    const read = readEdifact(ORDERS.join("\n"));
    expect(read).toMatchObject({ ok: true, diagnostics: [], counts: { interchanges: 1, messages: 1, segments: 9 } });
    expect(read.interchanges[0]).toMatchObject({
      syntax: "UNOC",
      syntaxVersion: "3",
      sender: "5412345000013",
      senderQualifier: "14",
      date: "260305",
      time: "1407",
      controlReference: "REF42",
    });
    const message = read.interchanges[0]?.messages[0];
    expect(message).toMatchObject({
      reference: "1",
      type: "ORDERS",
      version: "D",
      release: "96A",
      agency: "UN",
      association: "EAN008",
      kind: "purchase_order",
    });
    expect(message?.segments.map((segment) => segment.tag)).toEqual(["BGM", "DTM", "NAD", "LIN", "QTY"]);
    expect(message?.segments[1]?.elements).toEqual([["DTM"], ["137", "20260301", "102"]]);
  });

  it("takes separators from UNA, honours the release character, and skips a byte-order mark", () => {
    const text =
      "\ufeffUNA|=,# !UNB=UNOA|2=S=R=260305|1407=9!UNH=1=INVOIC|D|96A|UN!FTX=AAA===NET#! 30#=#|#| DAYS!UNT=3=1!UNZ=1=9!";
    const read = readEdifact(Buffer.from(text, "utf8"));
    expect(read.ok).toBe(true);
    const ftx = read.interchanges[0]?.messages[0]?.segments[0];
    expect(ftx?.elements[4]).toEqual(["NET! 30=|| DAYS"]);
    expect(read.interchanges[0]?.messages[0]?.kind).toBe("invoice");
    expect(read.interchanges[0]?.separators).toMatchObject({ component: "|", element: "=", release: "#", segment: "!" });
    expect(ftx?.offset).toBe(3 + text.indexOf("FTX") - 1);
  });

  it("reads a released release character before the terminator", () => {
    const read = readEdifact("UNA:+.? 'UNB+UNOA:1+S+R+260305:1407+1'UNH+1+DESADV:D:96A:UN'FTX+AAA+++A??'UNT+3+1'UNZ+1+1'");
    expect(read.interchanges[0]?.messages[0]?.segments[0]?.elements[4]).toEqual(["A?"]);
    expect(read.interchanges[0]?.messages[0]?.kind).toBe("ship_notice");
  });

  it("reads segments ended by line breaks when the file has neither UNA nor apostrophes", () => {
    const read = readEdifact(ORDERS.map((line) => line.replace(/'$/, "")).join("\r\n"));
    expect(read).toMatchObject({ ok: true, counts: { messages: 1, segments: 9 } });
    expect(read.diagnostics).toMatchObject([{ severity: "warning", code: "segment_unterminated", segment: { id: "UNB" } }]);
  });

  it("decodes UTF-8 values", () => {
    const read = readEdifact(
      Buffer.from(ORDERS.join("").replace("NAD+BY+5412345000013::9'", "NAD+BY+5412345000013::9++Müller GmbH'")),
    );
    expect(read.interchanges[0]?.messages[0]?.segments[2]?.elements[4]).toEqual(["Müller GmbH"]);
  });

  it("warns on miscounts and references that do not match, naming the trailer", () => {
    const text = ORDERS.join("").replace("UNT+7+1'", "UNT+9+2'").replace("UNZ+1+REF42'", "UNZ+2+REF43'");
    const read = readEdifact(text);
    expect(read.ok).toBe(true);
    expect(read.diagnostics.map(({ severity, code, segment }) => [severity, code, segment.id, segment.index])).toEqual([
      ["warning", "unt_count_mismatch", "UNT", 7],
      ["warning", "unt_reference_mismatch", "UNT", 7],
      ["warning", "unz_count_mismatch", "UNZ", 8],
      ["warning", "unz_reference_mismatch", "UNZ", 8],
    ]);
  });

  it("rejects a file cut short, a message without UNB, and one with no message", () => {
    expect(readEdifact(ORDERS.slice(0, 5).join(""))).toMatchObject({
      ok: false,
      diagnostics: [
        { code: "unt_missing", segment: { id: "NAD" } },
        { code: "unz_missing", segment: { id: "NAD" } },
      ],
    });
    expect(readEdifact(ORDERS.slice(1, 8).join(""))).toMatchObject({
      ok: false,
      diagnostics: [{ code: "unh_outside_interchange", segment: { id: "UNH", index: 0 } }],
    });
    expect(readEdifact(`${ORDERS[0]}${ORDERS[8]}`)).toMatchObject({
      ok: false,
      diagnostics: [{ code: "unz_count_mismatch" }, { code: "no_messages", segment: { id: "UNZ" } }],
    });
    expect(readEdifact("UNA:+")).toMatchObject({ ok: false, diagnostics: [{ code: "una_malformed" }] });
  });
});
