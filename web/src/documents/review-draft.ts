import type { DocumentDetail, FieldValue, ReviewInput } from "../contract.ts";
import type { DocumentKind } from "./document-labels.ts";

/** What a reviewer sees and edits: every header field's value, every line's values, and the kind. */
export type ReviewDraft = {
  kind: DocumentKind;
  fields: Record<string, string>;
  lines: Record<string, string>[];
};

/** One value a reviewer can move to: a header field, or a line's column. */
export type Slot =
  | { kind: "field"; key: string; field: string; read: FieldValue | undefined }
  | { kind: "line"; key: string; line: number; field: string; read: FieldValue | undefined };

export const fieldKey = (field: string) => `field:${field}`;
export const lineKey = (line: number, field: string) => `line:${line}:${field}`;

/** Where a value stands on its page, to order values as they are read: page, then top, then left. */
const place = (value: FieldValue | undefined): [number, number, number] =>
  value?.location ? [value.location.page, value.location.box.y0, value.location.box.x0] : [0, 0, 0];

const byPlace = (a: FieldValue | undefined, b: FieldValue | undefined): number => {
  const [pa, ya, xa] = place(a);
  const [pb, yb, xb] = place(b);
  return pa - pb || ya - yb || xa - xb;
};

/** The document's header fields in reading order, those its kind requires and it lacks first. */
export function headerFields(document: DocumentDetail): string[] {
  const missing = document.required_fields.filter((field) => !(field in document.fields));
  const read = Object.keys(document.fields).sort((a, b) => byPlace(document.fields[a], document.fields[b]));
  return [...missing, ...read];
}

/** The lines' columns, left to right as printed on the first line that has them. */
export function lineColumns(document: DocumentDetail): string[] {
  const columns = new Map<string, FieldValue | undefined>();
  for (const line of document.lines) {
    for (const [field, value] of Object.entries(line.fields)) if (!columns.get(field)?.location) columns.set(field, value);
  }
  return [...columns.keys()].sort((a, b) => {
    const xa = columns.get(a)?.location?.box.x0 ?? Number.POSITIVE_INFINITY;
    const xb = columns.get(b)?.location?.box.x0 ?? Number.POSITIVE_INFINITY;
    return xa - xb || a.localeCompare(b);
  });
}

/** Every value in the order the keyboard moves through them: the header fields, then each line's columns. */
export function slotsOf(document: DocumentDetail): Slot[] {
  const columns = lineColumns(document);
  return [
    ...headerFields(document).map(
      (field): Slot => ({ kind: "field", key: fieldKey(field), field, read: document.fields[field] }),
    ),
    ...document.lines.flatMap((line, index) =>
      columns.map((field): Slot => ({ kind: "line", key: lineKey(index, field), line: index, field, read: line.fields[field] })),
    ),
  ];
}

export function draftOf(document: DocumentDetail): ReviewDraft {
  return {
    kind: document.kind,
    fields: Object.fromEntries(headerFields(document).map((field) => [field, document.fields[field]?.value ?? ""])),
    lines: document.lines.map((line) => Object.fromEntries(Object.entries(line.fields).map(([field, v]) => [field, v.value]))),
  };
}

export const slotValue = (draft: ReviewDraft, slot: Slot): string =>
  (slot.kind === "field" ? draft.fields[slot.field] : draft.lines[slot.line]?.[slot.field]) ?? "";

export function withSlotValue(draft: ReviewDraft, slot: Slot, value: string): ReviewDraft {
  if (slot.kind === "field") return { ...draft, fields: { ...draft.fields, [slot.field]: value } };
  return {
    ...draft,
    lines: draft.lines.map((line, index) => (index === slot.line ? { ...line, [slot.field]: value } : line)),
  };
}

/** Whether the reviewer changed a value from what was read. */
export const slotChanged = (draft: ReviewDraft, slot: Slot): boolean => slotValue(draft, slot) !== (slot.read?.value ?? "");

/**
 * The API's review body for the draft: only the header fields the reviewer changed (emptied ones
 * removed, as null), the lines whole when any of their values changed (blank values left out),
 * and the kind when it was changed.
 */
export function reviewInputOf(
  document: DocumentDetail,
  draft: ReviewDraft,
  decision: ReviewInput["decision"],
  comment?: string,
): ReviewInput {
  const fields: Record<string, string | null> = {};
  for (const [field, raw] of Object.entries(draft.fields)) {
    const value = raw.trim();
    const before = document.fields[field]?.value;
    if (value === (before ?? "")) continue;
    fields[field] = value === "" ? null : value;
  }
  const linesChanged =
    draft.lines.length !== document.lines.length ||
    draft.lines.some((line, index) =>
      Object.entries(line).some(([field, value]) => value.trim() !== (document.lines[index]?.fields[field]?.value ?? "")),
    );
  const input: ReviewInput = { decision };
  if (comment?.trim()) input.comment = comment.trim();
  if (draft.kind !== document.kind) input.kind = draft.kind;
  if (Object.keys(fields).length > 0) input.fields = fields;
  if (linesChanged) {
    input.lines = draft.lines.map((line) =>
      Object.fromEntries(
        Object.entries(line)
          .map(([field, value]) => [field, value.trim()] as const)
          .filter(([, value]) => value !== ""),
      ),
    );
  }
  return input;
}

/** How many values the reviewer changed: said beside Approve. */
export const changedCount = (slots: readonly Slot[], draft: ReviewDraft): number =>
  slots.filter((slot) => slotChanged(draft, slot)).length;
