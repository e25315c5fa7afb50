import { describe, expect, it } from "vitest";
import { keysetQuery } from "./keyset-query.ts";

describe("keysetQuery", () => {
  it("reads the first page in keyset order, without a condition", () => {
    expect(keysetQuery("postgres", "select * from erp;", ["updated_at", "id"], null, 500)).toEqual({
      text: 'select * from (\nselect * from erp\n) as crossdock_page order by "updated_at", "id" limit 500',
      values: [],
    });
  });

  it("continues after the last row, each value a parameter ($n reused on PostgreSQL)", () => {
    const { text, values } = keysetQuery(
      "postgres",
      "select * from erp",
      ["updated_at", "id"],
      ["2026-01-01 10:00:00.123456+00", "42"],
      10,
    );
    expect(text).toContain('where ("updated_at" > $1) or ("updated_at" = $1 and "id" > $2) order by "updated_at", "id" limit 10');
    expect(values).toEqual(["2026-01-01 10:00:00.123456+00", "42"]);
  });

  it("repeats each value for MySQL's positional ? and quotes with backticks", () => {
    const { text, values } = keysetQuery("mysql", "select * from erp", ["a", "b", "c"], [1, 2, 3], 5);
    expect(text).toContain(
      "where (`a` > ?) or (`a` = ? and `b` > ?) or (`a` = ? and `b` = ? and `c` > ?) order by `a`, `b`, `c` limit 5",
    );
    expect(values).toEqual([1, 1, 2, 1, 2, 3]);
  });

  it("ends the user's query with a line break, so a trailing comment cannot swallow the rest", () => {
    const { text } = keysetQuery("mysql", "select * from erp -- the item master", ["id"], [7], 5);
    expect(text.split("\n")[2]).toMatch(/^\) as crossdock_page where/);
  });
});
