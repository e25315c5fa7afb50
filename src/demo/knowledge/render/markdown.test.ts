import { describe, expect, it } from "vitest";
import { BlockWriter } from "../document.ts";
import { markdownTableRow, renderMarkdown } from "./markdown.ts";

describe("renderMarkdown", () => {
  it("keeps every sentence verbatim, so a cited passage is a substring of the file", () => {
    const write = new BlockWriter();
    write.heading("Agreement", 1);
    const [sentence] = write.clause(
      "7.1 Return period.",
      "Returns of stock Products are accepted for 60 days after the invoice date.",
      "RMA required.",
    );
    write.table(["SKU", "Description"], [["FAS-1", "Bolt | nut kit"]]);
    const markdown = renderMarkdown({
      path: "knowledge/a.md",
      kind: "sop",
      title: "A",
      blocks: write.blocks,
      renditions: [],
      related: {},
    });
    expect(markdown).toContain(sentence);
    expect(markdown).toContain("**7.1 Return period.** Returns of stock Products");
    expect(markdown).toContain(markdownTableRow(["FAS-1", "Bolt | nut kit"]));
    expect(markdown).toContain("| FAS-1 | Bolt \\| nut kit |");
  });
});
