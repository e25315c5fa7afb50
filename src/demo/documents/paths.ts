/** Makes a partner's number fit a file name: "PO 45/001" → "PO-45-001". */
export function fileSafe(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "unnamed";
}

/**
 * Hands out unique document paths (without extension), so two documents that share a number (a
 * supplier's duplicate invoice number, say) get `…-2` rather than overwriting each other.
 */
export class PathRegistry {
  readonly #used = new Set<string>();

  claim(stem: string): string {
    let candidate = stem;
    for (let copy = 2; this.#used.has(candidate); copy++) candidate = `${stem}-${copy}`;
    this.#used.add(candidate);
    return candidate;
  }
}
