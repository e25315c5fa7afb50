import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformMigrations, rows, withSystem } from "../../../platform/index.ts";
import { createTestDatabase, type TestDatabase } from "../../../platform/testing/test-database.ts";
import { governanceMigrations } from "../../governance/index.ts";
import { type FieldKind, type Fields, RECORD_TYPES, type RecordType, recordsMigrations } from "../index.ts";
import { CHILD_COLUMNS, childTable, PARENT_COLUMNS, parentTable } from "./tables.ts";

/** information_schema's names for the column types each kind may be stored in. */
const COMPATIBLE: Record<FieldKind, string[]> = {
  text: ["text", "character varying"],
  enum: ["text", "character varying"],
  ref: ["text", "character varying"],
  currency: ["text", "character", "character varying"],
  integer: ["integer", "bigint"],
  decimal: ["numeric"],
  money: ["numeric"],
  date: ["date"],
  timestamp: ["timestamp with time zone"],
  boolean: ["boolean"],
  json: ["jsonb"],
};

type ColumnInfo = { table: string; column: string; data_type: string; nullable: boolean };

describe("the records tables and the contract", () => {
  let test: TestDatabase;
  let columns: Map<string, Map<string, ColumnInfo>>;
  let indexes: string[];
  const types = RECORD_TYPES as unknown as RecordType[];

  beforeAll(async () => {
    test = await createTestDatabase([platformMigrations, governanceMigrations, recordsMigrations]);
    const found = await withSystem(test.db, (tx) =>
      rows<{ table_name: string; column_name: string; data_type: string; is_nullable: string }>(
        tx,
        sql`select table_name, column_name, data_type, is_nullable from information_schema.columns where table_schema = 'records'`,
      ),
    );
    columns = new Map();
    for (const row of found) {
      const table = `records.${row.table_name}`;
      if (!columns.has(table)) columns.set(table, new Map());
      columns
        .get(table)
        ?.set(row.column_name, { table, column: row.column_name, data_type: row.data_type, nullable: row.is_nullable === "YES" });
    }
    indexes = (
      await withSystem(test.db, (tx) =>
        rows<{ indexdef: string }>(tx, sql`select indexdef from pg_indexes where schemaname = 'records'`),
      )
    ).map((row) => row.indexdef);
  });
  afterAll(() => test.drop());

  function expectColumns(table: string, fields: Fields, base: readonly string[]) {
    const actual = columns.get(table);
    expect(actual, `table ${table}`).toBeDefined();
    for (const [name, field] of Object.entries(fields)) {
      const column = actual?.get(name);
      expect(column, `${table}.${name}`).toBeDefined();
      expect(COMPATIBLE[field.kind], `${table}.${name} is ${column?.data_type}, the contract says ${field.kind}`).toContain(
        column?.data_type,
      );
      expect(column?.nullable, `${table}.${name} nullability`).toBe(!field.required);
    }
    const known = new Set([...Object.keys(fields), ...base]);
    expect(
      [...(actual?.keys() ?? [])].filter((name) => !known.has(name)),
      `${table} has columns the contract does not name`,
    ).toEqual([]);
  }

  it("has a column of a compatible type for every field of every record type", () => {
    for (const type of types) expectColumns(parentTable(type), type.fields, PARENT_COLUMNS);
  });

  it("has a table for every line collection, with its fields", () => {
    for (const type of types)
      for (const [name, collection] of Object.entries(type.children))
        expectColumns(childTable(type, name), collection.fields, CHILD_COLUMNS);
  });

  it("has no table the contract does not know", () => {
    const expected = types.flatMap((type) => [
      parentTable(type),
      ...Object.keys(type.children).map((name) => childTable(type, name)),
    ]);
    expect([...columns.keys()].sort()).toEqual(expected.sort());
  });

  it("indexes every sortable field for keyset pagination", () => {
    for (const type of types) {
      for (const [name, field] of Object.entries(type.fields)) {
        if (!field.sort) continue;
        expect(
          indexes.some(
            (definition) => definition.includes(` ON ${parentTable(type)} `) && definition.includes(`(tenant_id, ${name}, id)`),
          ),
          `${type.plural}.${name}`,
        ).toBe(true);
      }
    }
  });

  it("puts every table under forced row-level security", async () => {
    const tables = await withSystem(test.db, (tx) =>
      rows<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
        tx,
        sql`select c.relname, c.relrowsecurity, c.relforcerowsecurity from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = 'records' and c.relkind = 'r'`,
      ),
    );
    expect(tables.length).toBe(columns.size);
    for (const table of tables) expect(table, table.relname).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
  });
});
