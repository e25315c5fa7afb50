/**
 * Bounds on a mapping and on what one payload may make of it. A spec or payload past one of them is
 * refused with a problem, never half-processed: the engine must not hang or run out of memory on
 * what a partner (or an attacker) sends.
 */
export const MAPPING_LIMITS = {
  /** Record templates in one spec. */
  templates: 50,
  /** Fields (or attributes) mapped by one template or line collection. */
  fields: 200,
  /** Line collections under one template. */
  collections: 10,
  /** Characters in a path. */
  pathLength: 512,
  /** Steps in a path (`a.b[0]` is three). */
  pathSegments: 32,
  /** Characters in a template string. */
  templateLength: 1_000,
  /** Placeholders in a template string. */
  templatePlaceholders: 20,
  /** Entries in a value map. */
  mapEntries: 2_000,
  /** Values under one `join` or `first`, and conditions under one `all` or `any`. */
  listItems: 20,
  /** Values inside values (`first` of `join` …) and conditions inside conditions. */
  nesting: 6,
  /** Nesting depth of the spec as JSON, checked before anything else. */
  specDepth: 48,
  /** JSON nodes (objects, arrays, scalars) in the spec. */
  specNodes: 100_000,
  /** Records one payload may produce (the records module's batch size). */
  records: 10_000,
  /** Field values computed for one payload, over all records and lines. */
  values: 1_000_000,
  /** Elements a path with `[*]` may pass through before the payload is refused as too large. */
  scan: 100_000,
  /** Depth and size of a structured value (an object or list) copied into `attributes`. */
  copyDepth: 32,
  copyNodes: 10_000,
  /** Problems reported for one payload; the rest are counted. */
  problems: 100,
} as const;
