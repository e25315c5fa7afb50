import type { SupplierInvoiceContent } from "../../content/supplier-invoice.ts";
import type { Layout } from "../layout.ts";
import { monoLegacyInvoiceLayout } from "./mono-legacy.ts";
import { serifClassicInvoiceLayout } from "./serif-classic.ts";
import { standardInvoiceLayout } from "./standard.ts";

/** The suppliers' invoice templates; each supplier keeps to one. */
export const INVOICE_LAYOUTS: readonly Layout<SupplierInvoiceContent>[] = [
  standardInvoiceLayout,
  serifClassicInvoiceLayout,
  monoLegacyInvoiceLayout,
];
