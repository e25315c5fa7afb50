import type { PersonalDataKind } from "./personal-data.ts";

/** A snippet of text and the personal data a reviewer would mark in it, in the order it appears. */
export type LabelledSnippet = { text: string; spans: [PersonalDataKind, string][] };

export const s = (text: string, ...spans: [PersonalDataKind, string][]): LabelledSnippet => ({ text, spans });
