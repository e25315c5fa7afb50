import type { Customer, Item, Records } from "../../modules/records/index.ts";
import { extendedMinor, fromMinor, toMinor } from "../shared/money.ts";
import type { InboundPo, PoLine } from "./inputs.ts";

export type LineIssue = { line_number: number | null; code: string; message: string; severity: "error" | "warning" };

export type ProposedLine = {
  line_number: number;
  item_external_id: string | null;
  sku: string | null;
  description: string | null;
  customer_part_number: string | null;
  quantity: string;
  uom: string;
  unit_price: string | null;
  price_source: "contract" | "price_list" | "list_price" | "customer_po" | "none";
  extended_minor: number;
};

/** What Crossdock proposes to write to the ERP for one customer PO, and what is wrong with it. */
export type OrderProposal = {
  customer_external_id: string;
  customer_name: string | null;
  customer_tier: string | null;
  customer_po_number: string;
  ship_to_external_id: string | null;
  order_date: string;
  requested_date: string | null;
  currency: string;
  lines: ProposedLine[];
  total_minor: number;
  issues: LineIssue[];
};

const PRICE_TOLERANCE = 0.005;

async function findOne<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    if ((error as { code?: string }).code === "not_found" || (error as { name?: string }).name === "RecordNotFoundError")
      return undefined;
    throw error;
  }
}

/**
 * Reads a customer PO against the records: the customer (known, active, within credit), each line's
 * item (directly, or through the customer's part number), its unit (the item's base unit or one of
 * its packs), and the price the customer should pay (contract price, then their price list, then
 * the list price), flagging a PO price that differs. Problems are listed, never guessed away.
 */
export async function proposeOrder(records: Records, tenantId: string, po: InboundPo): Promise<OrderProposal> {
  const issues: LineIssue[] = [];
  const customer = await findOne(() => records.getByExternalId(tenantId, "customer", po.source_system, po.customer_external_id));
  if (!customer)
    issues.push({
      line_number: null,
      code: "unknown_customer",
      message: `No customer ${po.customer_external_id}`,
      severity: "error",
    });
  else if (customer.status && customer.status !== "active") {
    issues.push({
      line_number: null,
      code: "customer_not_active",
      message: `The customer is ${customer.status.replaceAll("_", " ")}`,
      severity: "error",
    });
  }
  if (po.ship_to_external_id) {
    const shipTo = await findOne(() =>
      records.getByExternalId(tenantId, "ship_to", po.source_system, po.ship_to_external_id as string),
    );
    if (!shipTo)
      issues.push({
        line_number: null,
        code: "unknown_ship_to",
        message: `No ship-to ${po.ship_to_external_id}`,
        severity: "error",
      });
  }
  const currency = customer?.currency ?? "USD";
  const lines: ProposedLine[] = [];
  for (const line of po.lines) lines.push(await proposeLine(records, tenantId, po, customer, line, issues));
  const total = lines.reduce((sum, line) => sum + line.extended_minor, 0);
  if (customer?.credit_limit !== null && customer?.credit_limit !== undefined) {
    const exposure = toMinor(customer.balance) + total;
    if (exposure > toMinor(customer.credit_limit)) {
      issues.push({
        line_number: null,
        code: "over_credit_limit",
        message: `Balance ${customer.balance ?? "0"} plus this order (${fromMinor(total)}) exceeds the credit limit of ${customer.credit_limit}`,
        severity: "warning",
      });
    }
  }
  return {
    customer_external_id: po.customer_external_id,
    customer_name: customer?.name ?? null,
    customer_tier: customer?.customer_class ?? null,
    customer_po_number: po.customer_po_number,
    ship_to_external_id: po.ship_to_external_id ?? null,
    order_date: po.order_date,
    requested_date: po.requested_date ?? null,
    currency,
    lines,
    total_minor: total,
    issues,
  };
}

async function proposeLine(
  records: Records,
  tenantId: string,
  po: InboundPo,
  customer: Customer | undefined,
  line: PoLine,
  issues: LineIssue[],
): Promise<ProposedLine> {
  const at = line.line_number;
  let itemId = line.item_external_id ?? null;
  if (!itemId && line.customer_part_number) {
    const xrefs = await records.list(tenantId, "item_xref", {
      kind: "customer",
      customer_external_id: po.customer_external_id,
      part_number: line.customer_part_number,
      limit: "2",
    });
    itemId = xrefs.data[0]?.item_external_id ?? null;
    if (!itemId)
      issues.push({
        line_number: at,
        code: "unknown_part_number",
        message: `No item for the customer's part ${line.customer_part_number}`,
        severity: "error",
      });
  }
  const item: Item | undefined = itemId
    ? await findOne(() => records.getByExternalId(tenantId, "item", po.source_system, itemId as string))
    : undefined;
  if (itemId && !item) issues.push({ line_number: at, code: "unknown_item", message: `No item ${itemId}`, severity: "error" });
  if (!itemId && !line.customer_part_number)
    issues.push({ line_number: at, code: "no_item", message: "The line names no item or part number", severity: "error" });
  if (item?.status && item.status !== "active") {
    issues.push({ line_number: at, code: "item_not_active", message: `Item ${item.sku} is ${item.status}`, severity: "error" });
  }
  if (item) {
    const units = [item.base_uom, ...(item.uom_conversions ?? []).map((conversion) => conversion.uom)];
    if (!units.includes(line.uom)) {
      issues.push({
        line_number: at,
        code: "unknown_uom",
        message: `Item ${item.sku} is not sold in ${line.uom} (units: ${units.join(", ")})`,
        severity: "error",
      });
    }
  }
  const price = item ? await expectedPrice(records, tenantId, po, customer, item, line) : null;
  if (price && line.unit_price !== undefined) {
    const expected = Number(price.unit_price);
    const given = Number(line.unit_price);
    if (expected > 0 && Math.abs(given - expected) / expected > PRICE_TOLERANCE) {
      issues.push({
        line_number: at,
        code: "price_mismatch",
        message: `The PO says ${line.unit_price}; the ${price.source.replaceAll("_", " ")} is ${price.unit_price}`,
        severity: "warning",
      });
    }
  }
  const unitPrice = price?.unit_price ?? line.unit_price ?? null;
  if (!unitPrice) issues.push({ line_number: at, code: "no_price", message: "No price for this line", severity: "error" });
  return {
    line_number: at,
    item_external_id: item?.external_id ?? itemId,
    sku: item?.sku ?? null,
    description: item?.name ?? line.description ?? null,
    customer_part_number: line.customer_part_number ?? null,
    quantity: line.quantity,
    uom: line.uom,
    unit_price: unitPrice,
    price_source: price?.source ?? (line.unit_price !== undefined ? "customer_po" : "none"),
    extended_minor: unitPrice ? extendedMinor(line.quantity, unitPrice) : 0,
  };
}

async function expectedPrice(
  records: Records,
  tenantId: string,
  po: InboundPo,
  customer: Customer | undefined,
  item: Item,
  line: PoLine,
): Promise<{ unit_price: string; source: ProposedLine["price_source"] } | null> {
  const agreements = await records.list(tenantId, "price_agreement", {
    customer_external_id: po.customer_external_id,
    item_external_id: item.external_id,
    limit: "20",
  });
  const contract = agreements.data.find(
    (agreement) =>
      (agreement.status ?? "active") === "active" &&
      agreement.valid_from <= po.order_date &&
      (!agreement.valid_to || agreement.valid_to >= po.order_date) &&
      (!agreement.uom || agreement.uom === line.uom),
  );
  if (contract) return { unit_price: contract.contract_price, source: "contract" };
  if (customer?.price_list_external_id) {
    const list = await findOne(() =>
      records.getByExternalId(tenantId, "price_list", po.source_system, customer.price_list_external_id as string),
    );
    const prices = (list?.lines ?? [])
      .filter((price) => price.item_external_id === item.external_id && price.uom === line.uom)
      .filter((price) => Number(price.min_quantity ?? 0) <= Number(line.quantity))
      .sort((a, b) => Number(b.min_quantity ?? 0) - Number(a.min_quantity ?? 0));
    if (prices[0]) return { unit_price: prices[0].unit_price, source: "price_list" };
  }
  if (item.list_price && line.uom === item.base_uom) return { unit_price: item.list_price, source: "list_price" };
  return null;
}
