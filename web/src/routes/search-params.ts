/** A search parameter as text, or undefined when it is missing or empty. */
export const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

/** Search parameters as plain strings, as a list page's filters are. */
export const stringSearch = (search: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(search)
      .map(([name, value]) => [name, typeof value === "number" || typeof value === "boolean" ? String(value) : value])
      .filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""),
  );
