import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformMigrations } from "../../../platform/index.ts";
import { createTestDatabase, type TestDatabase } from "../../../platform/testing/test-database.ts";
import { governanceMigrations } from "../../governance/index.ts";
import { type Field, type Fields, RECORD_TYPES, type RecordType, type RecordTypeName, recordsMigrations } from "../index.ts";
import { createRecords, type Records } from "../records.ts";

const ctx = { tenantId: "ten_a", actor: { type: "api_key" as const, id: "key_1", label: "erp" }, requestId: "req_1" };

/** Text fields with a format of their own. */
const FORMATTED_TEXT: Record<string, string> = { country: "US" };

/** A valid value of every kind, with the awkward characters a literal must survive in the text ones. */
function sampleValue(name: string, field: Field, n: number): unknown {
  switch (field.kind) {
    case "text":
      if (name in FORMATTED_TEXT) return FORMATTED_TEXT[name];
      return `${name} ${n}: O'Brien \\ "quoted" ;`.slice(0, field.maxLength ?? 200);
    case "integer":
      return n + 1;
    case "decimal":
      return "12.5";
    case "money":
      return "1234.56";
    case "currency":
      return "USD";
    case "date":
      return "2026-01-31";
    case "timestamp":
      return "2026-01-31T10:11:12.345Z";
    case "boolean":
      return n % 2 === 0;
    case "enum":
      return field.values?.[0];
    case "ref":
      return `REF-${n}`;
    case "json":
      return { note: "kept as given", n };
  }
}

function sample(fields: Fields, n: number): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, sampleValue(name, field, n)]));
}

describe("reading one record", () => {
  let test: TestDatabase;
  let records: Records;
  beforeAll(async () => {
    test = await createTestDatabase([platformMigrations, governanceMigrations, recordsMigrations]);
    records = createRecords({ db: test.db });
  });
  afterAll(() => test.drop());

  it.each((RECORD_TYPES as unknown as RecordType[]).map((type) => [type.name, type] as const))(
    "returns a %s with every field and line exactly as a list with all its lines does",
    async (name, type) => {
      const collections = Object.keys(type.children);
      const input = {
        source_system: "erp",
        external_id: `X-${name}`,
        ...sample(type.fields, 1),
        ...Object.fromEntries(
          collections.map((collection) => [collection, [1, 2].map((n) => sample(type.children[collection]?.fields ?? {}, n))]),
        ),
        attributes: { erp_field: "x" },
      };
      const result = await records.upsert(ctx, name as RecordTypeName, [input], { mode: "partial" });
      expect(result.rejected).toEqual([]);
      const id = result.results[0]?.id as string;

      const got = await records.get("ten_a", name as RecordTypeName, id);
      const listed = await records.list("ten_a", name as RecordTypeName, {
        ...(collections.length > 0 ? { include: collections.join(",") } : {}),
        limit: "10",
      });
      expect(got).toMatchObject(input);
      expect(got).toEqual(listed.data.find((record) => record.id === id));
      expect(type.output.safeParse(got).error).toBeUndefined();
      for (const collection of collections) expect((got as unknown as Record<string, unknown[]>)[collection]).toHaveLength(2);
      expect(await records.getByExternalId("ten_a", name as RecordTypeName, "erp", `X-${name}`)).toEqual(got);
    },
  );

  it("reads ids and external ids with quotes and backslashes as values, never as SQL", async () => {
    const awkward = `it's \\'; drop table records.items; --`;
    await records.upsert(ctx, "item", [{ source_system: "erp", external_id: awkward, sku: "S-1", name: "Odd", base_uom: "EA" }]);
    const found = await records.getByExternalId("ten_a", "item", "erp", awkward);
    expect(found.external_id).toBe(awkward);
    await expect(records.get("ten_a", "item", `itm_' or '1'='1`)).rejects.toMatchObject({ code: "not_found" });
  });

  it("does not find another tenant's record", async () => {
    const result = await records.upsert(ctx, "item", [
      { source_system: "erp", external_id: "MINE", sku: "S-2", name: "Mine", base_uom: "EA" },
    ]);
    const id = result.results[0]?.id as string;
    await expect(records.get("ten_b", "item", id)).rejects.toMatchObject({ code: "not_found" });
    await expect(records.getByExternalId("ten_b", "item", "erp", "MINE")).rejects.toMatchObject({ code: "not_found" });
  });
});
