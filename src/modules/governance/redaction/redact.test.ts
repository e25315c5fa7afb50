import { describe, expect, it } from "vitest";
import { redactPersonalData } from "./redact.ts";
import { restorePersonalData } from "./restore.ts";

describe("redactPersonalData", () => {
  it("numbers placeholders per kind in order of appearance, with start and end in the original", () => {
    const text = "Call Anna on +49 6051 916 44 10 or 020 7946 0958; mail anna@acme.de.";
    const { text: masked, found } = redactPersonalData(text);
    expect(masked).toBe("Call [NAME_1] on [PHONE_1] or [PHONE_2]; mail [EMAIL_1].");
    for (const span of found) expect(text.slice(span.start, span.end)).toBe(span.original);
    expect(found.map((f) => f.placeholder)).toEqual(["[NAME_1]", "[PHONE_1]", "[PHONE_2]", "[EMAIL_1]"]);
  });

  it("gives the same value the same placeholder within one call", () => {
    const { text } = redactPersonalData("Reply to ap@acme.com, not sales@acme.com; ap@acme.com reads it daily.");
    expect(text).toBe("Reply to [EMAIL_1], not [EMAIL_2]; [EMAIL_1] reads it daily.");
  });

  it("keeps the longer span where two kinds overlap", () => {
    const { found } = redactPersonalData("IBAN DE89 3704 0044 0532 0130 00 please");
    expect(found.map((f) => [f.kind, f.original])).toEqual([["iban", "DE89 3704 0044 0532 0130 00"]]);
  });

  it("masks only the kinds asked for, without re-reading other kinds as them", () => {
    const text = "Visa 4111 1111 1111 1111, phone 555-123-4567, Attn: Maria Lopez";
    const { text: masked } = redactPersonalData(text, { kinds: ["phone"] });
    expect(masked).toBe("Visa 4111 1111 1111 1111, phone [PHONE_1], Attn: Maria Lopez");
  });

  it("never hands out a placeholder the text already contains", () => {
    const text = "Template says [EMAIL_1]; the real one is j.doe@acme.com";
    const { text: masked, found } = redactPersonalData(text);
    expect(masked).toBe("Template says [EMAIL_1]; the real one is [EMAIL_2]");
    expect(restorePersonalData(masked, found)).toBe(text);
  });

  it("leaves text without personal data as it was", () => {
    const text = "PO 4500012345: 240 ea HIS-FAS-10077 at $1,234.50, due 2024-03-15 08:30, ZIP 60601.";
    expect(redactPersonalData(text)).toEqual({ text, found: [] });
  });

  it("stays fast on long and hostile input", () => {
    const hostile = [
      `+${"1".repeat(60)}`,
      `0${" 12".repeat(200)}`,
      `12 rue ${"de ".repeat(200)}X`,
      `Attn: ${"Abc ".repeat(500)}`,
      `${"4111 ".repeat(300)}`,
      `DE89${" 3704".repeat(300)}`,
      `${"a".repeat(5000)}@${"b.".repeat(2000)}`,
      "Order 4500012345, qty 12, ship to 1200 Harbor Blvd, Springfield, IL 62701. ".repeat(1000),
    ].join("\n");
    const started = performance.now();
    redactPersonalData(hostile);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
