import { sql } from "drizzle-orm";
import { BRANDING_FIELDS, type Branding } from "../contract/index.ts";

/** The branding columns, the same in `tenancy.partner_branding` and `tenancy.tenant_branding`. */
export const BRANDING_COLUMNS = sql.raw(BRANDING_FIELDS.join(", "));

/** Nothing set: every field inherits. */
export const EMPTY_BRANDING: Branding = Object.fromEntries(BRANDING_FIELDS.map((field) => [field, null])) as Branding;

export function toBranding(row: Record<string, unknown> | undefined): Branding {
  if (!row) return { ...EMPTY_BRANDING };
  return Object.fromEntries(
    BRANDING_FIELDS.map((field) => [field, (row[field] as string | null | undefined) ?? null]),
  ) as Branding;
}

/** The values of a Branding in BRANDING_COLUMNS order, for an insert. */
export const brandingValues = (branding: Branding) =>
  sql.join(
    BRANDING_FIELDS.map((field) => sql`${branding[field]}`),
    sql`, `,
  );

/** `col = excluded.col, …` for an upsert that replaces every field. */
export const BRANDING_UPDATE = sql.raw(BRANDING_FIELDS.map((field) => `${field} = excluded.${field}`).join(", "));

/** For a select over `tenancy.tenants t`: the tenant's own branding row and its partner's, as jsonb (null when absent). */
export const OWN_AND_PARTNER_BRANDING = sql`
  (select to_jsonb(b) from (select ${BRANDING_COLUMNS} from tenancy.tenant_branding where tenant_id = t.id) b) as own,
  (select to_jsonb(p) from (select ${BRANDING_COLUMNS} from tenancy.partner_branding where partner_id = t.partner_id) p) as partner`;
