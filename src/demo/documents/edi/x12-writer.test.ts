import { describe, expect, it } from "vitest";
import { parseX12 } from "./x12-parse.ts";
import { element, writeInterchange } from "./x12-writer.ts";

const interchange = {
  sender: { qualifier: "01", id: "123456789" },
  receiver: { qualifier: "ZZ", id: "HARBORIND" },
  date: "2025-03-14",
  time: "0930",
  controlNumber: 42,
  functionalId: "PO",
  transactionSetId: "850",
  body: [
    ["BEG", "00", "SA", "4500123", "", "20250314"],
    ["PO1", "1", "10", "EA", "4.5", "", ""],
  ],
} as const;

describe("writeInterchange", () => {
  it("writes a fixed-width ISA, counts ST to SE, and drops trailing empty elements", () => {
    const text = writeInterchange({ ...interchange, body: interchange.body.map((segment) => [...segment]), newlines: false });
    expect(text.slice(0, 106)).toBe(
      "ISA*00*          *00*          *01*123456789      *ZZ*HARBORIND      *250314*0930*U*00401*000000042*0*P*>~",
    );
    const { segments } = parseX12(text);
    expect(segments.map((segment) => segment[0])).toEqual(["ISA", "GS", "ST", "BEG", "PO1", "SE", "GE", "IEA"]);
    expect(segments.find((segment) => segment[0] === "SE")).toEqual(["SE", "4", "0001"]);
    expect(segments.find((segment) => segment[0] === "PO1")).toEqual(["PO1", "1", "10", "EA", "4.5"]);
    expect(segments.at(-1)).toEqual(["IEA", "1", "000000042"]);
  });

  it("reads the same with a newline after every segment", () => {
    const body = interchange.body.map((segment) => [...segment]);
    const flat = parseX12(writeInterchange({ ...interchange, body, newlines: false }));
    const lines = writeInterchange({ ...interchange, body, newlines: true });
    expect(lines.split("\n")[0]).toHaveLength(106);
    expect(parseX12(lines).segments).toEqual(flat.segments);
  });

  it("keeps separators out of element values", () => {
    expect(element("Nuts*bolts~and>washers\nbulk", 80)).toBe("Nuts bolts and washers bulk");
    expect(element("A very long name", 6)).toBe("A very");
    expect(element("Lakeshore Inc. — main plant, Café")).toBe("Lakeshore Inc. - main plant, Cafe");
  });
});
