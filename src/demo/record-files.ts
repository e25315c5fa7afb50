import { RECORD_TYPES, type RecordType } from "../modules/records/index.ts";
import type { DemoFile, DemoWorld } from "./world.ts";

/** A CSV cell: quoted when it holds a comma, quote or line break; objects as JSON. */
function cell(value: unknown): string {
  if (value === undefined || value === null) return "";
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csv(type: RecordType, rows: Record<string, unknown>[]): string {
  const columns = ["source_system", "external_id", ...Object.keys(type.fields), "attributes"];
  const lines = [columns.join(","), ...rows.map((row) => columns.map((column) => cell(row[column])).join(","))];
  return `${lines.join("\n")}\n`;
}

/**
 * The world's records as files: JSONL for every type (lines nested, as the records API takes
 * them), and CSV beside it for the types without lines, as an ERP export would give them.
 */
export function recordFiles(world: DemoWorld): DemoFile[] {
  return (RECORD_TYPES as unknown as RecordType[]).flatMap((type) => {
    const rows = world.records[type.name as keyof DemoWorld["records"]] as Record<string, unknown>[];
    const files: DemoFile[] = [
      { path: `records/${type.path}.jsonl`, content: rows.map((row) => `${JSON.stringify(row)}\n`).join("") },
    ];
    if (Object.keys(type.children).length === 0) files.push({ path: `records/${type.path}.csv`, content: csv(type, rows) });
    return files;
  });
}

/** The ground truth later capabilities are measured against, and a summary of the world. */
export function truthFiles(world: DemoWorld): DemoFile[] {
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const { truth } = world;
  return [
    {
      path: "world.json",
      content: json({
        company: world.company,
        seed: world.seed,
        scale: world.scale,
        start: world.start,
        end: world.end,
        records: Object.fromEntries(Object.entries(world.records).map(([name, rows]) => [name, rows.length])),
      }),
    },
    { path: "truth/demand.jsonl", content: truth.demand.map((series) => `${JSON.stringify(series)}\n`).join("") },
    { path: "truth/late-shipments.json", content: json(truth.lateShipments) },
    { path: "truth/deteriorating-customers.json", content: json(truth.deterioratingCustomers) },
    { path: "truth/key-accounts.json", content: json(truth.keyAccounts) },
    { path: "truth/invoice-errors.json", content: json(truth.invoiceErrors) },
    { path: "truth/superseded-items.json", content: json(truth.supersededItems) },
  ];
}
