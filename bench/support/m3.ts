import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";

export const M3_DIRECTORY = path.resolve(import.meta.dirname, "..", "..", "..", "shared", "datasets", "m3");

export type M3Series = { id: string; type: string; period: number; h: number; train: number[]; test: number[] };

export type M3Monthly = {
  series: M3Series[];
  /** The forecasts submitted to M3, by method, then by series id (steps 1..18). */
  submitted: Map<string, Map<string, number[]>>;
};

/** Splits one line of the dataset's CSV: fields optionally in double quotes ("" inside one is a quote). */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      fields.push(field);
      field = "";
    } else field += char;
  }
  fields.push(field);
  return fields;
}

async function readRows(file: string): Promise<string[][]> {
  const bytes = await readFile(path.join(M3_DIRECTORY, file));
  const text = (file.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8");
  return text
    .split("\n")
    .slice(1)
    .filter((line) => line.length > 0)
    .map(splitCsvLine);
}

/** Values of long-format rows (series_id, t, period, value) for the wanted series, in order of t from `firstT`. */
function valuesBySeries(rows: string[][], firstT: Map<string, number>): Map<string, number[]> {
  const bySeries = new Map<string, number[]>();
  for (const [id, t, , value] of rows) {
    const first = id === undefined ? undefined : firstT.get(id);
    if (id === undefined || first === undefined) continue;
    const values = bySeries.get(id) ?? [];
    values[Number(t) - first] = Number(value);
    bySeries.set(id, values);
  }
  return bySeries;
}

export function m3Present(): boolean {
  return existsSync(path.join(M3_DIRECTORY, "meta.csv"));
}

/** The 1,428 monthly series of M3 (h = 18, period 12) and the forecasts submitted for them. */
export async function loadM3Monthly(): Promise<M3Monthly> {
  const meta = (await readRows("meta.csv")).filter((row) => row[1] === "MONTHLY");
  const train = valuesBySeries(await readRows("train.csv.gz"), new Map(meta.map((row) => [row[0] as string, 1])));
  // test's t carries on from train's: n_train + 1 .. n_train + h.
  const test = valuesBySeries(await readRows("test.csv.gz"), new Map(meta.map((row) => [row[0] as string, Number(row[4]) + 1])));
  const series = meta.map(([id, , frequency, type, nTrain, h]): M3Series => {
    const seriesId = id as string;
    const history = train.get(seriesId) ?? [];
    const future = test.get(seriesId) ?? [];
    if (history.length !== Number(nTrain) || future.length !== Number(h)) {
      throw new Error(`M3 ${seriesId}: expected ${nTrain} + ${h} values, read ${history.length} + ${future.length}`);
    }
    return { id: seriesId, type: type as string, period: Number(frequency), h: Number(h), train: history, test: future };
  });
  const submitted = new Map<string, Map<string, number[]>>();
  for (const [method, id, step, forecast] of await readRows("m3_monthly_original_forecasts.csv.gz")) {
    if (method === undefined || id === undefined) continue;
    const byId = submitted.get(method) ?? new Map<string, number[]>();
    const values = byId.get(id) ?? [];
    values[Number(step) - 1] = Number(forecast);
    byId.set(id, values);
    submitted.set(method, byId);
  }
  return { series, submitted };
}
