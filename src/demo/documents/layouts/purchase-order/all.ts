import type { PurchaseOrderContent } from "../../content/purchase-order.ts";
import type { Layout } from "../layout.ts";
import { classicSerifLayout } from "./classic-serif.ts";
import { compactFormLayout } from "./compact-form.ts";
import { corporateGridLayout } from "./corporate-grid.ts";
import { modernBandedLayout } from "./modern-banded.ts";
import { monoErpLayout } from "./mono-erp.ts";

/** The customers' purchase order templates that fit an ordinary order on one page; each customer keeps to one. */
export const PURCHASE_ORDER_LAYOUTS: readonly Layout<PurchaseOrderContent>[] = [
  corporateGridLayout,
  classicSerifLayout,
  monoErpLayout,
  modernBandedLayout,
  compactFormLayout,
];
