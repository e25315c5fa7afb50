import type { RecordInput } from "../../../modules/records/index.ts";
import { type SupplierInvoiceContent, supplierInvoiceOf } from "../content/supplier-invoice.ts";
import { invoice810 } from "../edi/810.ts";
import { EDI_FORMATS } from "../edi/edi-formats.ts";
import { companyPartner, ediPartner } from "../edi/partners.ts";
import { writeInterchange } from "../edi/x12-writer.ts";
import { INVOICE_LAYOUTS } from "../layouts/invoice/all.ts";
import type { Layout } from "../layouts/layout.ts";
import { fileSafe } from "../paths.ts";
import { PdfSurface } from "../render/pdf-surface.ts";
import { buildTruth } from "../truth/build-truth.ts";
import { TruthRecorder } from "../truth/recorder.ts";
import type { GeneratedDocument } from "../truth/truth.ts";
import type { KindContext } from "./context.ts";
import { assignLayouts, byKey } from "./select.ts";

type Invoice = RecordInput<"invoice">;

/**
 * Supplier invoices from AP invoice records. Suppliers that trade by EDI send 810s, the others PDFs
 * in their own template. The invoices the world marks as wrong are included (up to 40% of the
 * invoices, every kind of error represented), as PDFs, together with the invoice whose number a
 * duplicate repeats, so the pair can be caught.
 */
export function supplierInvoices(context: KindContext): GeneratedDocument[] {
  const { index, volume, random } = context;
  const eligible = index.world.records.invoice.filter(
    (invoice) =>
      invoice.kind === "ap" &&
      invoice.supplier_external_id &&
      index.suppliers.has(invoice.supplier_external_id) &&
      (invoice.lines ?? []).length > 0,
  );
  const wrong = new Set(wrongInvoices(context, eligible));
  const numbersOfWrong = new Set(eligible.filter((invoice) => wrong.has(invoice.external_id)).map(numberKey));
  const mustInclude = eligible.filter((invoice) => wrong.has(invoice.external_id) || numbersOfWrong.has(numberKey(invoice)));
  const rest = eligible.filter((invoice) => !mustInclude.includes(invoice));
  const chosen = [...mustInclude, ...random.fork("pick").sample(rest, Math.max(0, volume.supplierInvoices - mustInclude.length))];
  const invoices = chosen.sort(byKey((invoice) => `${invoice.invoice_date}|${invoice.external_id}`));

  const suppliers = random
    .fork("edi-suppliers")
    .shuffle([...new Set(invoices.map((invoice) => invoice.supplier_external_id as string))].sort());
  const ediSuppliers = new Set(suppliers.slice(0, Math.floor(suppliers.length / 2)));
  const layouts = assignLayouts(
    random.fork("layouts"),
    invoices.map((invoice) => invoice.supplier_external_id as string),
    INVOICE_LAYOUTS,
  );
  let controlNumber = random.fork("control-numbers").int(1_000, 90_000) * 1_000;

  return invoices.map((invoice) => {
    const content = supplierInvoiceOf(index, invoice, context.partners);
    if (ediSuppliers.has(content.supplierExternalId) && content.errors.length === 0 && !numbersOfWrong.has(numberKey(invoice))) {
      return ediInvoice(context, invoice, content, ++controlNumber);
    }
    return pdfInvoice(context, content, layouts.get(content.supplierExternalId) as Layout<SupplierInvoiceContent>);
  });
}

/** Share of the invoices that are wrong ones, when the world has more wrong invoices than that. */
const WRONG_SHARE = 0.4;

/**
 * The wrong invoices to include: all of them when they fit in the share, otherwise a sample taking
 * each kind of error in turn, so every kind the world has is represented.
 */
function wrongInvoices(context: KindContext, eligible: readonly Invoice[]): string[] {
  const ids = new Set(eligible.map((invoice) => invoice.external_id));
  const byKind = new Map<string, string[]>();
  for (const error of context.index.world.truth.invoiceErrors) {
    if (!ids.has(error.invoiceExternalId)) continue;
    byKind.set(error.kind, [...(byKind.get(error.kind) ?? []), error.invoiceExternalId]);
  }
  const budget = Math.max(byKind.size, Math.floor(context.volume.supplierInvoices * WRONG_SHARE));
  const queues = [...byKind.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([kind, invoiceIds]) => context.random.fork(`wrong:${kind}`).shuffle(invoiceIds));
  const chosen = new Set<string>();
  while (chosen.size < budget && queues.some((queue) => queue.length > 0)) {
    for (const queue of queues) {
      const next = queue.shift();
      if (next !== undefined && chosen.size < budget) chosen.add(next);
    }
  }
  return [...chosen];
}

function numberKey(invoice: Invoice): string {
  return `${invoice.supplier_external_id}|${invoice.invoice_number}`;
}

function refsOf(invoice: SupplierInvoiceContent): Record<string, string> {
  return {
    supplier_external_id: invoice.supplierExternalId,
    ...(invoice.purchaseOrderExternalId ? { purchase_order_external_id: invoice.purchaseOrderExternalId } : {}),
  };
}

function errorsOf(invoice: SupplierInvoiceContent) {
  return invoice.errors.length > 0 ? { errors: invoice.errors } : {};
}

function pdfInvoice(
  context: KindContext,
  invoice: SupplierInvoiceContent,
  layout: Layout<SupplierInvoiceContent>,
): GeneratedDocument {
  const surface = new PdfSurface({
    title: `Invoice ${invoice.invoiceNumber}`,
    author: invoice.supplier.name,
    date: invoice.invoiceDate,
  });
  const record = new TruthRecorder(layout.formats);
  layout.render(surface, invoice, record);
  const stem = `documents/supplier-invoice/pdf/INV-${fileSafe(invoice.invoiceNumber)}`;
  const path = `${context.paths.claim(stem)}.pdf`;
  const truth = buildTruth(
    {
      kind: "invoice",
      format: "pdf",
      layout: layout.name,
      path,
      source: invoice.source,
      pages: surface.pages,
      refs: refsOf(invoice),
    },
    record,
    errorsOf(invoice),
  );
  return { path, content: surface.finish(), truth };
}

function ediInvoice(
  context: KindContext,
  source: Invoice,
  invoice: SupplierInvoiceContent,
  controlNumber: number,
): GeneratedDocument {
  const supplier = context.index.suppliers.get(invoice.supplierExternalId);
  const partner = ediPartner(
    context.partners.fork(invoice.supplierExternalId).fork("edi"),
    supplier?.code ?? invoice.supplierExternalId,
  );
  const receiver = companyPartner(context.index.world.company);
  const record = new TruthRecorder(EDI_FORMATS);
  const body = invoice810(invoice, record);
  const time = context.random.fork(`time:${source.external_id}`);
  const content = writeInterchange({
    sender: partner.id,
    receiver: receiver.id,
    date: invoice.invoiceDate,
    time: `${String(time.int(0, 23)).padStart(2, "0")}${String(time.int(0, 59)).padStart(2, "0")}`,
    controlNumber,
    functionalId: "IN",
    transactionSetId: "810",
    body,
    newlines: partner.newlines,
  });
  const path = `${context.paths.claim(`documents/edi/810/810-${controlNumber}-${fileSafe(invoice.invoiceNumber)}`)}.edi`;
  const truth = buildTruth(
    {
      kind: "invoice",
      format: "edi_x12",
      layout: "x12-004010-810",
      path,
      source: invoice.source,
      pages: 1,
      refs: refsOf(invoice),
    },
    record,
    {
      edi: {
        transaction_set: "810",
        sender_id: partner.id.id,
        receiver_id: receiver.id.id,
        interchange_control_number: String(controlNumber).padStart(9, "0"),
      },
    },
  );
  return { path, content, truth };
}
