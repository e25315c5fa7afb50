import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";

export const CARPARTS_DIRECTORY = path.resolve(import.meta.dirname, "..", "..", "..", "shared", "datasets", "carparts");

export type CarPartsSeries = { id: string; train: number[]; test: number[] };

const MONTHS = 51;
const TRAIN_MONTHS = 39;

export function carPartsPresent(): boolean {
  return existsSync(path.join(CARPARTS_DIRECTORY, "meta.csv")) && existsSync(path.join(CARPARTS_DIRECTORY, "carparts.csv.gz"));
}

/** Rows of a CSV without commas inside fields (true of both files), double quotes stripped, header dropped. */
function rows(text: string): string[][] {
  return text
    .split("\n")
    .slice(1)
    .filter((line) => line.length > 0)
    .map((line) => line.split(",").map((field) => field.replace(/^"|"$/g, "")));
}

/**
 * The h12 split of the 2,674 car-parts series (Monash / Chronos convention): missing months → 0, months 1–39 to
 * train on and 40–51 to test, in meta.csv's order.
 */
export async function loadCarPartsH12(): Promise<CarPartsSeries[]> {
  const ids = rows(await readFile(path.join(CARPARTS_DIRECTORY, "meta.csv"), "utf8")).map((row) => row[0] as string);
  const values = new Map(ids.map((id) => [id, new Array<number>(MONTHS).fill(0)]));
  const text = gunzipSync(await readFile(path.join(CARPARTS_DIRECTORY, "carparts.csv.gz"))).toString("utf8");
  for (const [id, t, , value] of rows(text)) {
    const months = id === undefined ? undefined : values.get(id);
    if (!months || value === undefined || value === "") continue;
    const month = Number(t);
    if (!(month >= 1 && month <= MONTHS)) throw new Error(`carparts ${id}: month ${t} outside 1..${MONTHS}`);
    months[month - 1] = Number(value);
  }
  return ids.map((id) => {
    const months = values.get(id) as number[];
    return { id, train: months.slice(0, TRAIN_MONTHS), test: months.slice(TRAIN_MONTHS) };
  });
}
