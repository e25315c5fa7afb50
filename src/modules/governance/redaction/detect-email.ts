import type { Detection } from "./personal-data.ts";

/**
 * Addresses as people write them in mail bodies and signatures, including non-ASCII local parts
 * (jürgen.müller@…). A trailing full stop ends the sentence, not the domain.
 */
const EMAIL =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}_%+-]+(?:\.[\p{L}\p{N}_%+-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(?![\p{L}\p{N}-])/gu;

export function detectEmail(text: string): Detection[] {
  return [...text.matchAll(EMAIL)].map((m) => ({ kind: "email", start: m.index, end: m.index + m[0].length }));
}
