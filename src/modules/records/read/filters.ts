import { type SQL, sql } from "drizzle-orm";
import { type ListParam, parseFilterValue } from "../contract/index.ts";
import { COLUMN_TYPES, quote } from "../store/tables.ts";

const OPERATORS = { eq: "=", gte: ">=", lte: "<=", gt: ">", lt: "<" } as const;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/** The condition one list parameter adds, for a value the list query schema already accepted. */
export function filterCondition(param: ListParam, text: string): SQL {
  const parsed = parseFilterValue(param, text);
  if (!parsed.ok) throw new Error(`list parameter ${param.name} was not validated: ${parsed.message}`);
  const value = parsed.value;
  const column = (name: string) => sql.raw(`t.${quote(name)}`);
  const [first = ""] = param.columns;
  switch (param.op) {
    case "in": {
      const values = (value as string[]).map((item) => sql`${item}`);
      return sql`${column(first)} in (${sql.join(values, sql`, `)})`;
    }
    case "prefix": {
      const pattern = `${escapeLike(String(value).toLowerCase())}%`;
      return sql`(${sql.join(
        param.columns.map((name) => sql`lower(${column(name)}) like ${pattern}`),
        sql` or `,
      )})`;
    }
    default: {
      const typed = sql`${value}::${sql.raw(COLUMN_TYPES[param.kind])}`;
      return sql`${column(first)} ${sql.raw(OPERATORS[param.op])} ${typed}`;
    }
  }
}
