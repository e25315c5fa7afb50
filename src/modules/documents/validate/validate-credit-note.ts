import type { Invoice, Records } from "../../records/index.ts";
import type { DocumentCheck } from "../extract/read-document.ts";
import { checkSupplier } from "./find-party.ts";
import type { ReadValues, RecordMatches, Validation } from "./tolerances.ts";

const money = (value: number) => value.toFixed(2);

/**
 * A supplier's credit note against the records: the supplier is one Crossdock knows; the invoice
 * it credits is that supplier's AP invoice in the records (when the tenant keeps its AP invoices
 * in Crossdock); and it credits no more than that invoice billed. Each failed check puts the
 * credit's total at stake.
 */
export async function validateCreditNote(records: Records, tenantId: string, document: ReadValues): Promise<Validation> {
  const checks: DocumentCheck[] = [];
  const matches: RecordMatches = { source_system: null, line_items: document.lines.map(() => null) };
  const total = Number(document.fields.total ?? Number.NaN);
  const atStake = Number.isFinite(total) ? money(Math.abs(total)) : null;
  const push = (check: string, passed: boolean, expected: string, found: string) =>
    checks.push({ check, passed, expected, found, at_stake: passed ? null : atStake });
  const { supplier, check } = await checkSupplier(records, tenantId, document, matches, atStake);
  if (check) checks.push(check);
  const credited = document.fields.credited_invoice;
  if (!credited) return { checks, matches };
  // A tenant whose AP invoices are not in Crossdock has nothing to match against.
  if ((await records.list(tenantId, "invoice", { kind: "ap", limit: 1 })).data.length === 0) return { checks, matches };
  const invoices = (await records.list(tenantId, "invoice", { kind: "ap", invoice_number: credited, limit: 5 }))
    .data as Invoice[];
  const invoice = invoices.find((candidate) => !supplier || candidate.supplier_external_id === supplier.external_id);
  push(
    "credited invoice exists",
    invoice !== undefined,
    `invoice ${credited} from ${supplier?.name ?? "the supplier"} in the records`,
    invoice ? `invoice ${invoice.invoice_number}` : invoices.length > 0 ? "another supplier's invoice" : "no such invoice",
  );
  if (invoice && Number.isFinite(total)) {
    const billed = Number(invoice.total_amount);
    push(
      "credit is within the invoice",
      Math.abs(total) <= billed + 0.005,
      `at most ${money(billed)}, what invoice ${credited} billed`,
      money(Math.abs(total)),
    );
  }
  return { checks, matches };
}
