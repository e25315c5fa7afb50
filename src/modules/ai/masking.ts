import { type RedactedSpan, redactPersonalData, restorePersonalData } from "../governance/index.ts";

/** A call's texts as they may leave, and how to put the originals back into what comes back. */
export type Masked = {
  system: string | null;
  prompt: string;
  found: RedactedSpan[];
  restore: <T>(value: T) => T;
};

const SEPARATOR = "\n\n\u241e\n\n";

/**
 * Masks personal data in a call's system prompt and prompt together (one numbering, so [EMAIL_1]
 * means one address in both) when they go to an external provider; leaves them as they are for a
 * provider inside the tenant's own infrastructure. `restore` puts the originals back into every
 * string of a model's output (an object's fields, nested), for the feature that asked.
 */
export function maskForProvider(external: boolean, system: string | undefined, prompt: string): Masked {
  if (!external) return { system: system ?? null, prompt, found: [], restore: (value) => value };
  const joined = system === undefined ? prompt : `${system}${SEPARATOR}${prompt}`;
  const { text, found } = redactPersonalData(joined);
  const [maskedSystem, maskedPrompt] = system === undefined ? [null, text] : splitOnce(text);
  const restoreDeep = (value: unknown): unknown => {
    if (typeof value === "string") return restorePersonalData(value, found);
    if (Array.isArray(value)) return value.map(restoreDeep);
    if (value && typeof value === "object")
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, restoreDeep(inner)]));
    return value;
  };
  return {
    system: maskedSystem,
    prompt: maskedPrompt,
    found,
    restore: <T>(value: T) => (found.length === 0 ? value : (restoreDeep(value) as T)),
  };
}

function splitOnce(text: string): [string, string] {
  const at = text.indexOf(SEPARATOR);
  return at < 0 ? ["", text] : [text.slice(0, at), text.slice(at + SEPARATOR.length)];
}
