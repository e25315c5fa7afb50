import type { BlockWriter } from "../document.ts";
import { longDate } from "../format.ts";
import { markdownField } from "../render/markdown.ts";

export type SopHeader = { number: string; title: string; revision: number; effective: string; owner: string; appliesTo: string };

/** The title block every SOP starts with; returns the owner line, as the Markdown holds it. */
export function writeSopHeader(write: BlockWriter, header: SopHeader): { owner: string; effective: string } {
  write.heading(`${header.number}: ${header.title}`, 1);
  const fields: [string, string][] = [
    ["Document", header.number],
    ["Revision", String(header.revision)],
    ["Effective date", longDate(header.effective)],
    ["Owner", header.owner],
    ["Applies to", header.appliesTo],
  ];
  write.fields(fields);
  return { owner: markdownField("Owner", header.owner), effective: markdownField("Effective date", longDate(header.effective)) };
}
