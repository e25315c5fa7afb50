import { describe, expect, it } from "vitest";
import { redactPersonalData } from "./redact.ts";
import { restorePersonalData } from "./restore.ts";

describe("restorePersonalData", () => {
  const original = "Attn: Maria Lopez, call (312) 555-0147 or mail maria@midwest-mech.com";
  const { text, found } = redactPersonalData(original);

  it("undoes the redaction exactly", () => {
    expect(restorePersonalData(text, found)).toBe(original);
  });

  it("restores placeholders a model repeated and reordered", () => {
    const answer = "I emailed [EMAIL_1] and will phone [PHONE_1]. [NAME_1] asked us to use [EMAIL_1] first.";
    expect(restorePersonalData(answer, found)).toBe(
      "I emailed maria@midwest-mech.com and will phone (312) 555-0147. Maria Lopez asked us to use maria@midwest-mech.com first.",
    );
  });

  it("leaves placeholders it never handed out as written", () => {
    expect(restorePersonalData("Ask [PHONE_7] or [SOMETHING_1]", found)).toBe("Ask [PHONE_7] or [SOMETHING_1]");
  });
});
