import type { RecordInput } from "../../../modules/records/index.ts";
import { type PurchaseOrderContent, purchaseOrderOf } from "../content/purchase-order.ts";
import { purchaseOrder850 } from "../edi/850.ts";
import { EDI_FORMATS } from "../edi/edi-formats.ts";
import { companyPartner, ediPartner } from "../edi/partners.ts";
import { writeInterchange } from "../edi/x12-writer.ts";
import type { Layout } from "../layouts/layout.ts";
import { PURCHASE_ORDER_LAYOUTS } from "../layouts/purchase-order/all.ts";
import { detailedBlocksLayout } from "../layouts/purchase-order/detailed-blocks.ts";
import { fileSafe } from "../paths.ts";
import { PdfSurface } from "../render/pdf-surface.ts";
import { scanPage } from "../scan/scan-page.ts";
import { buildTruth } from "../truth/build-truth.ts";
import { TruthRecorder } from "../truth/recorder.ts";
import type { GeneratedDocument } from "../truth/truth.ts";
import type { KindContext } from "./context.ts";
import { assignLayouts, byKey, pickPreferring } from "./select.ts";

type Order = RecordInput<"sales_order">;
type Format = "pdf" | "scan" | "edi";

const SKIPPED_STATUSES = new Set(["draft", "cancelled"]);
/** Longer orders would spill onto a second page, and a scan is one sheet. */
const MAX_SCANNED_LINES = 12;

/**
 * Customer purchase orders behind a sample of sales orders: as text PDFs in the customer's own
 * template, as scans or faxes of that template, or as EDI 850s. Orders that came in by EDI or fax
 * are preferred for those formats. The longest order is always among the PDFs, and its customer
 * prints detailed orders of several pages.
 */
export function customerPurchaseOrders(context: KindContext): GeneratedDocument[] {
  const { index, volume, random } = context;
  const eligible = index.world.records.sales_order.filter(
    (order) =>
      order.customer_po_number &&
      (order.lines ?? []).length > 0 &&
      !SKIPPED_STATUSES.has(order.status) &&
      index.customers.has(order.customer_external_id),
  );
  const count = Math.min(volume.purchaseOrders, eligible.length);
  const chosen = new Map<string, Format>();
  const longest = [...eligible].sort((a, b) => (b.lines ?? []).length - (a.lines ?? []).length)[0];
  if (longest && count > 0) chosen.set(longest.external_id, "pdf");
  const free = (orders: readonly Order[]) => orders.filter((order) => !chosen.has(order.external_id));
  const choose = (
    format: Format,
    preferred: (order: Order) => boolean,
    howMany: number,
    fits: (order: Order) => boolean = () => true,
  ) => {
    const pool = free(eligible).filter(fits);
    for (const order of pickPreferring(
      random.fork(`pick-${format}`),
      pool.filter(preferred),
      pool.filter((order) => !preferred(order)),
      howMany,
    )) {
      chosen.set(order.external_id, format);
    }
  };
  const scans = Math.min(volume.scannedPurchaseOrders, Math.max(0, count - 1));
  const edi = Math.min(Math.round(count * volume.ediPurchaseOrderShare), count - scans - chosen.size);
  // The customer with the longest order prints detailed multi-page orders, which a scan (one sheet) cannot hold.
  const oemCustomer = longest?.customer_external_id;
  const scannable = (order: Order) =>
    order.customer_external_id !== oemCustomer && (order.lines ?? []).length <= MAX_SCANNED_LINES;
  choose("scan", (order) => order.channel === "fax", scans, scannable);
  choose("edi", (order) => order.channel === "edi", edi);
  const mailed = (order: Order) => order.channel === "email" || order.channel === "portal" || !order.channel;
  // Text PDFs come from at least as many customers as there are templates, so every template shows.
  const pdfCustomers = new Set(oemCustomer ? [oemCustomer] : []);
  const candidates = random.fork("pick-pdf-customers").shuffle(free(eligible));
  for (const order of [...candidates.filter(mailed), ...candidates.filter((order) => !mailed(order))]) {
    if (pdfCustomers.size >= PURCHASE_ORDER_LAYOUTS.length + 1 || chosen.size >= count) break;
    if (pdfCustomers.has(order.customer_external_id)) continue;
    pdfCustomers.add(order.customer_external_id);
    chosen.set(order.external_id, "pdf");
  }
  choose("pdf", mailed, count - chosen.size);

  const orders = eligible
    .filter((order) => chosen.has(order.external_id))
    .sort(byKey((order) => `${order.order_date}|${order.external_id}`));
  // Customers of text PDFs take templates first, so the PDFs show as many templates as they can.
  const customersOf = (format: Format) =>
    orders.filter((order) => chosen.get(order.external_id) === format).map((order) => order.customer_external_id);
  const printed = [...customersOf("pdf"), ...customersOf("scan")];
  const layouts = assignLayouts(
    random.fork("layouts"),
    oemCustomer ? [oemCustomer, ...printed] : printed,
    PURCHASE_ORDER_LAYOUTS,
    detailedBlocksLayout,
  );
  let controlNumber = random.fork("control-numbers").int(1_000, 90_000) * 1_000;

  return orders.flatMap((order) => {
    const po = purchaseOrderOf(index, order, context.partners);
    const format = chosen.get(order.external_id) as Format;
    if (format === "edi") return [ediPurchaseOrder(context, order, po, ++controlNumber)];
    const layout = layouts.get(order.customer_external_id) as Layout<PurchaseOrderContent>;
    return format === "pdf" ? [pdfPurchaseOrder(context, po, layout)] : scannedPurchaseOrder(context, order, po, layout);
  });
}

function refsOf(po: PurchaseOrderContent): Record<string, string> {
  return {
    customer_external_id: po.customerExternalId,
    ...(po.shipToExternalId ? { ship_to_external_id: po.shipToExternalId } : {}),
  };
}

function pdfPurchaseOrder(
  context: KindContext,
  po: PurchaseOrderContent,
  layout: Layout<PurchaseOrderContent>,
): GeneratedDocument {
  const surface = new PdfSurface({ title: `Purchase Order ${po.poNumber}`, author: po.buyer.name, date: po.poDate });
  const record = new TruthRecorder(layout.formats);
  layout.render(surface, po, record);
  const path = `${context.paths.claim(`documents/customer-po/pdf/PO-${fileSafe(po.poNumber)}`)}.pdf`;
  const truth = buildTruth(
    {
      kind: "purchase_order",
      format: "pdf",
      layout: layout.name,
      path,
      source: po.source,
      pages: surface.pages,
      refs: refsOf(po),
    },
    record,
  );
  return { path, content: surface.finish(), truth };
}

function scannedPurchaseOrder(
  context: KindContext,
  order: Order,
  po: PurchaseOrderContent,
  layout: Layout<PurchaseOrderContent>,
): GeneratedDocument[] {
  const record = new TruthRecorder(layout.formats);
  const page = scanPage((surface) => layout.render(surface, po, record), context.random.fork(`scan:${order.external_id}`), {
    title: `Scan ${po.poNumber}`,
    date: po.poDate,
    faxFrom: po.buyer.phone ?? po.buyer.name,
  });
  const stem = context.paths.claim(`documents/customer-po/scan/PO-${fileSafe(po.poNumber)}`);
  const [png, pdf] = [`${stem}.png`, `${stem}.pdf`];
  const base = { kind: "purchase_order", layout: layout.name, source: po.source, pages: 1, refs: refsOf(po) } as const;
  return [
    {
      path: png,
      content: page.png,
      truth: buildTruth({ ...base, format: "scan_png", path: png }, record, { scan: page.scan, companion: pdf }),
    },
    {
      path: pdf,
      content: page.pdf,
      truth: buildTruth({ ...base, format: "scan_pdf", path: pdf }, record, { scan: page.scan, companion: png }),
    },
  ];
}

function ediPurchaseOrder(
  context: KindContext,
  order: Order,
  po: PurchaseOrderContent,
  controlNumber: number,
): GeneratedDocument {
  const customer = context.index.customers.get(order.customer_external_id);
  const partner = ediPartner(
    context.partners.fork(order.customer_external_id).fork("edi"),
    customer?.account_number ?? order.customer_external_id,
  );
  const receiver = companyPartner(context.index.world.company);
  const record = new TruthRecorder(EDI_FORMATS);
  const body = purchaseOrder850(po, record);
  const time = context.random.fork(`time:${order.external_id}`);
  const content = writeInterchange({
    sender: partner.id,
    receiver: receiver.id,
    date: po.poDate,
    time: `${String(time.int(0, 23)).padStart(2, "0")}${String(time.int(0, 59)).padStart(2, "0")}`,
    controlNumber,
    functionalId: "PO",
    transactionSetId: "850",
    body,
    newlines: partner.newlines,
  });
  const path = `${context.paths.claim(`documents/edi/850/850-${controlNumber}-${fileSafe(po.poNumber)}`)}.edi`;
  const truth = buildTruth(
    { kind: "purchase_order", format: "edi_x12", layout: "x12-004010-850", path, source: po.source, pages: 1, refs: refsOf(po) },
    record,
    {
      edi: {
        transaction_set: "850",
        sender_id: partner.id.id,
        receiver_id: receiver.id.id,
        interchange_control_number: String(controlNumber).padStart(9, "0"),
      },
    },
  );
  return { path, content, truth };
}
