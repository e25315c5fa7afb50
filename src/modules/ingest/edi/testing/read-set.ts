import { readX12 } from "../x12/read.ts";
import type { X12TransactionSet } from "../x12/types.ts";
import { sample } from "./samples.ts";

/** The one transaction set of an interchange wrapped around `body` (segments between ST and SE, "*" and ">"). */
export function setOf(id: string, body: string[], version = "004010"): X12TransactionSet {
  const functional = { "850": "PO", "855": "PR", "856": "SH", "810": "IN", "860": "PC", "997": "FA", "999": "FA" }[id] ?? "XX";
  const read = readX12(
    sample([
      `GS*${functional}*SENDER*RECEIVER*20260305*1407*42*X*${version}`,
      `ST*${id}*0001`,
      ...body,
      `SE*${body.length + 2}*0001`,
      "GE*1*42",
      "IEA*1*000000042",
    ]),
  );
  const set = read.interchanges[0]?.groups[0]?.sets[0];
  if (!read.ok || !set) throw new Error(`sample ${id} did not read: ${JSON.stringify(read.diagnostics)}`);
  return set;
}
