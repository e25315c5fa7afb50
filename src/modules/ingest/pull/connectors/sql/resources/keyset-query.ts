import type { SqlDialect } from "../../../contract/index.ts";

/** A keyset value as it is kept in the cursor: the text (or number) the database gave, sent back as it was. */
export type KeyValue = string | number;

const quote = (dialect: SqlDialect, column: string) => (dialect === "postgres" ? `"${column}"` : `\`${column}\``);

/**
 * The page query: the resource's query as a derived table, the rows after `after` in keyset order,
 * at most `limit`. The keyset condition is written out (`a > $1 or (a = $1 and b > $2)`) rather than
 * as a row comparison, which MySQL does not use indexes for. Values are parameters; column names
 * were checked to be plain identifiers, and are quoted as the result names them.
 */
export function keysetQuery(
  dialect: SqlDialect,
  query: string,
  columns: readonly string[],
  after: readonly KeyValue[] | null,
  limit: number,
): { text: string; values: KeyValue[] } {
  const base = query.trim().replace(/;\s*$/, "");
  const quoted = columns.map((column) => quote(dialect, column));
  const values: KeyValue[] = [];
  let where = "";
  if (after) {
    const param = (index: number) => {
      if (dialect === "postgres") return `$${index + 1}`;
      values.push(after[index] as KeyValue);
      return "?";
    };
    if (dialect === "postgres") values.push(...after);
    const alternatives = quoted.map((column, index) => {
      const equal = quoted.slice(0, index).map((previous, at) => `${previous} = ${param(at)}`);
      return `(${[...equal, `${column} > ${param(index)}`].join(" and ")})`;
    });
    where = ` where ${alternatives.join(" or ")}`;
  }
  const text = `select * from (\n${base}\n) as crossdock_page${where} order by ${quoted.join(", ")} limit ${Math.trunc(limit)}`;
  return { text, values };
}
