-- The canonical distribution records mirrored from source systems (ERP, WMS, TMS, CRM).
--
-- Conventions, which records/store/columns.db.test.ts holds the contract to:
-- - one table per record type, named by its plural; one per line collection, `<type>_<lines>`;
-- - every row has tenant_id and is under row-level security (platform.isolate_by_tenant);
-- - a record is unique by (tenant_id, source_system, external_id); `id` is Crossdock's own;
-- - created_at and updated_at are kept to the millisecond, as the API shows them, so a client can
--   pass back the updated_at it saw (updated_after=…) and get exactly what came after;
-- - content_hash is the sha256 of the record's normalised content, so an upsert that changes
--   nothing is skipped; version counts the changes;
-- - decimals and money are numeric (exact), with the currency in a text column beside them;
--   references to other records are the external id of that record, in the same source system;
-- - lines have no foreign key to their record: only the upsert writes them, in the same
--   transaction as the record, and a key check per line halves the speed of bulk writes;
-- - sortable fields have an index (tenant_id, field, id) for keyset pagination, searchable ones
--   an index on lower(field) for prefix search.
create schema if not exists records;
grant usage on schema records to crossdock_app;

-- Item: A product the distributor buys, stocks or sells, with its base unit of measure and pack sizes.
create table records.items (
  tenant_id text not null,
  id text not null,
  source_system text not null,
  external_id text not null,
  sku text not null,
  name text not null,
  description text,
  status text,
  base_uom text not null,
  category text,
  product_line text,
  brand text,
  manufacturer text,
  manufacturer_part_number text,
  gtin text,
  preferred_supplier_external_id text,
  currency text,
  standard_cost numeric,
  list_price numeric,
  weight numeric,
  weight_uom text,
  is_stocked boolean,
  is_hazardous boolean,
  attributes jsonb not null default '{}',
  content_hash text not null,
  version integer not null default 1,
  created_at timestamptz not null default date_trunc('milliseconds', now()),
  updated_at timestamptz not null default date_trunc('milliseconds', now()),
  primary key (tenant_id, id),
  unique (tenant_id, source_system, external_id)
);
create index items_updated on records.items (tenant_id, updated_at, id);
create index items_sku on records.items (tenant_id, sku, id);
create index items_sku_prefix on records.items (tenant_id, lower(sku) text_pattern_ops);
create index items_name on records.items (tenant_id, name, id);
create index items_name_prefix on records.items (tenant_id, lower(name) text_pattern_ops);
create index items_preferred_supplier_external_id on records.items (tenant_id, preferred_supplier_external_id);
select platform.isolate_by_tenant('records.items');

-- Units of measure and pack sizes, e.g. BX of 100 or CS of 12 base units.
create table records.item_uom_conversions (
  tenant_id text not null,
  parent_id text not null,
  position integer not null,
  uom text not null,
  quantity_in_base numeric not null,
  gtin text,
  weight numeric,
  weight_uom text,
  is_purchase_default boolean,
  is_sales_default boolean,
  attributes jsonb not null default '{}',
  primary key (tenant_id, parent_id, position)
);
select platform.isolate_by_tenant('records.item_uom_conversions');

-- Item cross-reference: A customer's or supplier's own part number for an item, so their documents can be matched.
create table records.item_xrefs (
  tenant_id text not null,
  id text not null,
  source_system text not null,
  external_id text not null,
  item_external_id text not null,
  kind text not null,
  customer_external_id text,
  supplier_external_id text,
  part_number text not null,
  description text,
  uom text,
  quantity_in_base numeric,
  status text,
  valid_from date,
  valid_to date,
  attributes jsonb not null default '{}',
  content_hash text not null,
  version integer not null default 1,
  created_at timestamptz not null default date_trunc('milliseconds', now()),
  updated_at timestamptz not null default date_trunc('milliseconds', now()),
  primary key (tenant_id, id),
  unique (tenant_id, source_system, external_id)
);
create index item_xrefs_updated on records.item_xrefs (tenant_id, updated_at, id);
create index item_xrefs_item_external_id on records.item_xrefs (tenant_id, item_external_id);
create index item_xrefs_customer_external_id on records.item_xrefs (tenant_id, customer_external_id);
create index item_xrefs_supplier_external_id on records.item_xrefs (tenant_id, supplier_external_id);
create index item_xrefs_part_number on records.item_xrefs (tenant_id, part_number, id);
create index item_xrefs_part_number_prefix on records.item_xrefs (tenant_id, lower(part_number) text_pattern_ops);
select platform.isolate_by_tenant('records.item_xrefs');

-- Location: A warehouse, branch or other place stock is held or shipped from.
create table records.locations (
  tenant_id text not null,
  id text not null,
  source_system text not null,
  external_id text not null,
  code text not null,
  name text not null,
  kind text,
  status text,
  address_line1 text,
  address_line2 text,
  city text,
  region text,
  postal_code text,
  country text,
  timezone text,
  phone text,
  email text,
  is_fulfillment boolean,
  attributes jsonb not null default '{}',
  content_hash text not null,
  version integer not null default 1,
  created_at timestamptz not null default date_trunc('milliseconds', now()),
  updated_at timestamptz not null default date_trunc('milliseconds', now()),
  primary key (tenant_id, id),
  unique (tenant_id, source_system, external_id)
);
create index locations_updated on records.locations (tenant_id, updated_at, id);
create index locations_code on records.locations (tenant_id, code, id);
create index locations_code_prefix on records.locations (tenant_id, lower(code) text_pattern_ops);
create index locations_name on records.locations (tenant_id, name, id);
create index locations_name_prefix on records.locations (tenant_id, lower(name) text_pattern_ops);
select platform.isolate_by_tenant('records.locations');

-- Customer: An account the distributor sells to.
create table records.customers (
  tenant_id text not null,
  id text not null,
  source_system text not null,
  external_id text not null,
  account_number text not null,
  name text not null,
  status text,
  customer_class text,
  sales_rep text,
  territory text,
  email text,
  phone text,
  address_line1 text,
  address_line2 text,
  city text,
  region text,
  postal_code text,
  country text,
  currency text,
  credit_limit numeric,
  balance numeric,
  payment_terms text,
  tax_exempt boolean,
  price_list_external_id text,
  default_location_external_id text,
  customer_since date,
  attributes jsonb not null default '{}',
  content_hash text not null,
  version integer not null default 1,
  created_at timestamptz not null default date_trunc('milliseconds', now()),
  updated_at timestamptz not null default date_trunc('milliseconds', now()),
  primary key (tenant_id, id),
  unique (tenant_id, source_system, external_id)
);
create index customers_updated on records.customers (tenant_id, updated_at, id);
create index customers_account_number on records.customers (tenant_id, account_number, id);
create index customers_account_number_prefix on records.customers (tenant_id, lower(account_number) text_pattern_ops);
create index customers_name on records.customers (tenant_id, name, id);
create index customers_name_prefix on records.customers (tenant_id, lower(name) text_pattern_ops);
create index customers_price_list_external_id on records.customers (tenant_id, price_list_external_id);
create index customers_default_location_external_id on records.customers (tenant_id, default_location_external_id);
create index customers_customer_since on records.customers (tenant_id, customer_since, id);
select platform.isolate_by_tenant('records.customers');

-- Ship-to site: A delivery address of a customer: a job site, branch or dock.
create table records.ship_tos (
  tenant_id text not null,
  id text not null,
  source_system text not null,
  external_id text not null,
  customer_external_id text not null,
  code text,
  name text not null,
  status text,
  address_line1 text,
  address_line2 text,
  city text,
  region text,
  postal_code text,
  country text,
  contact_name text,
  phone text,
  email text,
  delivery_instructions text,
  carrier text,
  shipping_method text,
  default_location_external_id text,
  attributes jsonb not null default '{}',
  content_hash text not null,
  version integer not null default 1,
  created_at timestamptz not null default date_trunc('milliseconds', now()),
  updated_at timestamptz not null default date_trunc('milliseconds', now()),
  primary key (tenant_id, id),
  unique (tenant_id, source_system, external_id)
);
create index ship_tos_updated on records.ship_tos (tenant_id, updated_at, id);
create index ship_tos_customer_external_id on records.ship_tos (tenant_id, customer_external_id);
create index ship_tos_code on records.ship_tos (tenant_id, code, id);
create index ship_tos_code_prefix on records.ship_tos (tenant_id, lower(code) text_pattern_ops);
create index ship_tos_name on records.ship_tos (tenant_id, name, id);
create index ship_tos_name_prefix on records.ship_tos (tenant_id, lower(name) text_pattern_ops);
create index ship_tos_default_location_external_id on records.ship_tos (tenant_id, default_location_external_id);
select platform.isolate_by_tenant('records.ship_tos');

-- Supplier: A vendor the distributor buys from, with the lead times and order constraints replenishment plans with.
create table records.suppliers (
  tenant_id text not null,
  id text not null,
  source_system text not null,
  external_id text not null,
  code text not null,
  name text not null,
  status text,
  email text,
  phone text,
  address_line1 text,
  address_line2 text,
  city text,
  region text,
  postal_code text,
  country text,
  currency text,
  payment_terms text,
  incoterms text,
  lead_time_days integer,
  lead_time_spread_days numeric,
  minimum_order_quantity numeric,
  minimum_order_amount numeric,
  order_multiple numeric,
  buyer text,
  attributes jsonb not null default '{}',
  content_hash text not null,
  version integer not null default 1,
  created_at timestamptz not null default date_trunc('milliseconds', now()),
  updated_at timestamptz not null default date_trunc('milliseconds', now()),
  primary key (tenant_id, id),
  unique (tenant_id, source_system, external_id)
);
create index suppliers_updated on records.suppliers (tenant_id, updated_at, id);
create index suppliers_code on records.suppliers (tenant_id, code, id);
create index suppliers_code_prefix on records.suppliers (tenant_id, lower(code) text_pattern_ops);
create index suppliers_name on records.suppliers (tenant_id, name, id);
create index suppliers_name_prefix on records.suppliers (tenant_id, lower(name) text_pattern_ops);
create index suppliers_lead_time_days on records.suppliers (tenant_id, lead_time_days, id);
select platform.isolate_by_tenant('records.suppliers');

-- Price list: A list of item prices, e.g. a column price or a customer-class price.
create table records.price_lists (
  tenant_id text not null,
  id text not null,
  source_system text not null,
  external_id text not null,
  code text not null,
  name text not null,
  status text,
  currency text not null,
  valid_from date,
  valid_to date,
  priority integer,
  attributes jsonb not null default '{}',
  content_hash text not null,
  version integer not null default 1,
  created_at timestamptz not null default date_trunc('milliseconds', now()),
  updated_at timestamptz not null default date_trunc('milliseconds', now()),
  primary key (tenant_id, id),
  unique (tenant_id, source_system, external_id)
);
create index price_lists_updated on records.price_lists (tenant_id, updated_at, id);
create index price_lists_code on records.price_lists (tenant_id, code, id);
create index price_lists_code_prefix on records.price_lists (tenant_id, lower(code) text_pattern_ops);
create index price_lists_name on records.price_lists (tenant_id, name, id);
create index price_lists_name_prefix on records.price_lists (tenant_id, lower(name) text_pattern_ops);
create index price_lists_valid_from on records.price_lists (tenant_id, valid_from, id);
create index price_lists_valid_to on records.price_lists (tenant_id, valid_to, id);
select platform.isolate_by_tenant('records.price_lists');

-- Prices by item, unit and quantity break.
create table records.price_list_lines (
  tenant_id text not null,
  parent_id text not null,
  position integer not null,
  item_external_id text not null,
  uom text not null,
  min_quantity numeric,
  unit_price numeric not null,
  discount_percent numeric,
  valid_from date,
  valid_to date,
  attributes jsonb not null default '{}',
  primary key (tenant_id, parent_id, position)
);
select platform.isolate_by_tenant('records.price_list_lines');

-- Customer price agreement: A contract price for one customer and item, valid for a period.
create table records.price_agreements (
  tenant_id text not null,
  id text not null,
  source_system text not null,
  external_id text not null,
  agreement_number text,
  customer_external_id text not null,
  ship_to_external_id text,
  item_external_id text not null,
  uom text not null,
  currency text not null,
  contract_price numeric not null,
  min_quantity numeric,
  max_quantity numeric,
  valid_from date not null,
  valid_to date,
  status text,
  rebate_supplier_external_id text,
  notes text,
  attributes jsonb not null default '{}',
  content_hash text not null,
  version integer not null default 1,
  created_at timestamptz not null default date_trunc('milliseconds', now()),
  updated_at timestamptz not null default date_trunc('milliseconds', now()),
  primary key (tenant_id, id),
  unique (tenant_id, source_system, external_id)
);
create index price_agreements_updated on records.price_agreements (tenant_id, updated_at, id);
create index price_agreements_agreement_number on records.price_agreements (tenant_id, agreement_number, id);
create index price_agreements_agreement_number_prefix on records.price_agreements (tenant_id, lower(agreement_number) text_pattern_ops);
create index price_agreements_customer_external_id on records.price_agreements (tenant_id, customer_external_id);
create index price_agreements_ship_to_external_id on records.price_agreements (tenant_id, ship_to_external_id);
create index price_agreements_item_external_id on records.price_agreements (tenant_id, item_external_id);
create index price_agreements_contract_price on records.price_agreements (tenant_id, contract_price, id);
create index price_agreements_valid_from on records.price_agreements (tenant_id, valid_from, id);
create index price_agreements_valid_to on records.price_agreements (tenant_id, valid_to, id);
create index price_agreements_rebate_supplier_external_id on records.price_agreements (tenant_id, rebate_supplier_external_id);
select platform.isolate_by_tenant('records.price_agreements');

-- Sales order: A customer's order.
create table records.sales_orders (
  tenant_id text not null,
  id text not null,
  source_system text not null,
  external_id text not null,
  order_number text not null,
  customer_external_id text not null,
  ship_to_external_id text,
  customer_po_number text,
  status text not null,
  order_date date not null,
  requested_date date,
  promised_date date,
  location_external_id text,
  channel text,
  currency text not null,
  subtotal numeric,
  tax_amount numeric,
  freight_amount numeric,
  total_amount numeric,
  payment_terms text,
  shipping_method text,
  sales_rep text,
  notes text,
  attributes jsonb not null default '{}',
  content_hash text not null,
  version integer not null default 1,
  created_at timestamptz not null default date_trunc('milliseconds', now()),
  updated_at timestamptz not null default date_trunc('milliseconds', now()),
  primary key (tenant_id, id),
  unique (tenant_id, source_system, external_id)
);
create index sales_orders_updated on records.sales_orders (tenant_id, updated_at, id);
create index sales_orders_order_number on records.sales_orders (tenant_id, order_number, id);
create index sales_orders_order_number_prefix on records.sales_orders (tenant_id, lower(order_number) text_pattern_ops);
create index sales_orders_customer_external_id on records.sales_orders (tenant_id, customer_external_id);
create index sales_orders_ship_to_external_id on records.sales_orders (tenant_id, ship_to_external_id);
create index sales_orders_customer_po_number_prefix on records.sales_orders (tenant_id, lower(customer_po_number) text_pattern_ops);
create index sales_orders_order_date on records.sales_orders (tenant_id, order_date, id);
create index sales_orders_requested_date on records.sales_orders (tenant_id, requested_date, id);
create index sales_orders_promised_date on records.sales_orders (tenant_id, promised_date, id);
create index sales_orders_location_external_id on records.sales_orders (tenant_id, location_external_id);
create index sales_orders_total_amount on records.sales_orders (tenant_id, total_amount, id);
select platform.isolate_by_tenant('records.sales_orders');

-- The order's lines.
create table records.sales_order_lines (
  tenant_id text not null,
  parent_id text not null,
  position integer not null,
  line_number integer not null,
  item_external_id text not null,
  customer_part_number text,
  description text,
  quantity numeric not null,
  uom text not null,
  unit_price numeric not null,
  extended_price numeric,
  quantity_shipped numeric,
  quantity_backordered numeric,
  requested_date date,
  promised_date date,
  location_external_id text,
  status text,
  attributes jsonb not null default '{}',
  primary key (tenant_id, parent_id, position)
);
select platform.isolate_by_tenant('records.sales_order_lines');

-- Purchase order: An order placed with a supplier.
create table records.purchase_orders (
  tenant_id text not null,
  id text not null,
  source_system text not null,
  external_id text not null,
  po_number text not null,
  supplier_external_id text not null,
  status text not null,
  order_date date not null,
  expected_date date,
  location_external_id text,
  currency text not null,
  total_amount numeric,
  freight_amount numeric,
  buyer text,
  payment_terms text,
  incoterms text,
  shipping_method text,
  is_acknowledged boolean,
  notes text,
  attributes jsonb not null default '{}',
  content_hash text not null,
  version integer not null default 1,
  created_at timestamptz not null default date_trunc('milliseconds', now()),
  updated_at timestamptz not null default date_trunc('milliseconds', now()),
  primary key (tenant_id, id),
  unique (tenant_id, source_system, external_id)
);
create index purchase_orders_updated on records.purchase_orders (tenant_id, updated_at, id);
create index purchase_orders_po_number on records.purchase_orders (tenant_id, po_number, id);
create index purchase_orders_po_number_prefix on records.purchase_orders (tenant_id, lower(po_number) text_pattern_ops);
create index purchase_orders_supplier_external_id on records.purchase_orders (tenant_id, supplier_external_id);
create index purchase_orders_order_date on records.purchase_orders (tenant_id, order_date, id);
create index purchase_orders_expected_date on records.purchase_orders (tenant_id, expected_date, id);
create index purchase_orders_location_external_id on records.purchase_orders (tenant_id, location_external_id);
create index purchase_orders_total_amount on records.purchase_orders (tenant_id, total_amount, id);
select platform.isolate_by_tenant('records.purchase_orders');

-- The purchase order's lines.
create table records.purchase_order_lines (
  tenant_id text not null,
  parent_id text not null,
  position integer not null,
  line_number integer not null,
  item_external_id text not null,
  supplier_part_number text,
  description text,
  quantity numeric not null,
  uom text not null,
  unit_cost numeric not null,
  extended_cost numeric,
  quantity_received numeric,
  expected_date date,
  promised_date date,
  status text,
  attributes jsonb not null default '{}',
  primary key (tenant_id, parent_id, position)
);
select platform.isolate_by_tenant('records.purchase_order_lines');

-- Receipt: Goods received into a location, usually against a purchase order.
create table records.receipts (
  tenant_id text not null,
  id text not null,
  source_system text not null,
  external_id text not null,
  receipt_number text not null,
  purchase_order_external_id text,
  supplier_external_id text,
  location_external_id text not null,
  status text,
  received_at timestamptz not null,
  packing_slip_number text,
  carrier text,
  tracking_number text,
  received_by text,
  notes text,
  attributes jsonb not null default '{}',
  content_hash text not null,
  version integer not null default 1,
  created_at timestamptz not null default date_trunc('milliseconds', now()),
  updated_at timestamptz not null default date_trunc('milliseconds', now()),
  primary key (tenant_id, id),
  unique (tenant_id, source_system, external_id)
);
create index receipts_updated on records.receipts (tenant_id, updated_at, id);
create index receipts_receipt_number on records.receipts (tenant_id, receipt_number, id);
create index receipts_receipt_number_prefix on records.receipts (tenant_id, lower(receipt_number) text_pattern_ops);
create index receipts_purchase_order_external_id on records.receipts (tenant_id, purchase_order_external_id);
create index receipts_supplier_external_id on records.receipts (tenant_id, supplier_external_id);
create index receipts_location_external_id on records.receipts (tenant_id, location_external_id);
create index receipts_received_at on records.receipts (tenant_id, received_at, id);
create index receipts_packing_slip_number_prefix on records.receipts (tenant_id, lower(packing_slip_number) text_pattern_ops);
select platform.isolate_by_tenant('records.receipts');

-- What was received, by item.
create table records.receipt_lines (
  tenant_id text not null,
  parent_id text not null,
  position integer not null,
  line_number integer not null,
  purchase_order_line_number integer,
  item_external_id text not null,
  quantity_received numeric not null,
  quantity_rejected numeric,
  uom text not null,
  lot_number text,
  serial_numbers jsonb,
  expiry_date date,
  bin text,
  condition text,
  reason text,
  attributes jsonb not null default '{}',
  primary key (tenant_id, parent_id, position)
);
select platform.isolate_by_tenant('records.receipt_lines');

-- Shipment: Goods moving in (from a supplier) or out (to a customer), with the carrier's tracking events.
create table records.shipments (
  tenant_id text not null,
  id text not null,
  source_system text not null,
  external_id text not null,
  shipment_number text not null,
  direction text not null,
  status text not null,
  carrier text,
  service_level text,
  tracking_number text,
  sales_order_external_id text,
  purchase_order_external_id text,
  customer_external_id text,
  supplier_external_id text,
  ship_to_external_id text,
  origin_location_external_id text,
  destination_location_external_id text,
  ship_date date,
  estimated_delivery_at timestamptz,
  delivered_at timestamptz,
  currency text,
  freight_cost numeric,
  weight numeric,
  weight_uom text,
  package_count integer,
  attributes jsonb not null default '{}',
  content_hash text not null,
  version integer not null default 1,
  created_at timestamptz not null default date_trunc('milliseconds', now()),
  updated_at timestamptz not null default date_trunc('milliseconds', now()),
  primary key (tenant_id, id),
  unique (tenant_id, source_system, external_id)
);
create index shipments_updated on records.shipments (tenant_id, updated_at, id);
create index shipments_shipment_number on records.shipments (tenant_id, shipment_number, id);
create index shipments_shipment_number_prefix on records.shipments (tenant_id, lower(shipment_number) text_pattern_ops);
create index shipments_tracking_number_prefix on records.shipments (tenant_id, lower(tracking_number) text_pattern_ops);
create index shipments_sales_order_external_id on records.shipments (tenant_id, sales_order_external_id);
create index shipments_purchase_order_external_id on records.shipments (tenant_id, purchase_order_external_id);
create index shipments_customer_external_id on records.shipments (tenant_id, customer_external_id);
create index shipments_supplier_external_id on records.shipments (tenant_id, supplier_external_id);
create index shipments_ship_to_external_id on records.shipments (tenant_id, ship_to_external_id);
create index shipments_origin_location_external_id on records.shipments (tenant_id, origin_location_external_id);
create index shipments_destination_location_external_id on records.shipments (tenant_id, destination_location_external_id);
create index shipments_ship_date on records.shipments (tenant_id, ship_date, id);
create index shipments_estimated_delivery_at on records.shipments (tenant_id, estimated_delivery_at, id);
create index shipments_delivered_at on records.shipments (tenant_id, delivered_at, id);
select platform.isolate_by_tenant('records.shipments');

-- What the shipment carries.
create table records.shipment_lines (
  tenant_id text not null,
  parent_id text not null,
  position integer not null,
  line_number integer not null,
  item_external_id text not null,
  quantity numeric not null,
  uom text not null,
  order_line_number integer,
  lot_number text,
  attributes jsonb not null default '{}',
  primary key (tenant_id, parent_id, position)
);
select platform.isolate_by_tenant('records.shipment_lines');

-- Carrier scans and status updates, oldest first.
create table records.shipment_tracking_events (
  tenant_id text not null,
  parent_id text not null,
  position integer not null,
  occurred_at timestamptz not null,
  status text,
  code text,
  description text,
  city text,
  region text,
  country text,
  estimated_delivery_at timestamptz,
  attributes jsonb not null default '{}',
  primary key (tenant_id, parent_id, position)
);
select platform.isolate_by_tenant('records.shipment_tracking_events');

-- Invoice: A bill: to a customer (kind ar, receivable) or from a supplier (kind ap, payable).
create table records.invoices (
  tenant_id text not null,
  id text not null,
  source_system text not null,
  external_id text not null,
  kind text not null,
  invoice_number text not null,
  customer_external_id text,
  supplier_external_id text,
  sales_order_external_id text,
  purchase_order_external_id text,
  status text not null,
  invoice_date date not null,
  due_date date,
  currency text not null,
  subtotal numeric,
  tax_amount numeric,
  freight_amount numeric,
  total_amount numeric not null,
  balance_due numeric,
  payment_terms text,
  reference text,
  notes text,
  attributes jsonb not null default '{}',
  content_hash text not null,
  version integer not null default 1,
  created_at timestamptz not null default date_trunc('milliseconds', now()),
  updated_at timestamptz not null default date_trunc('milliseconds', now()),
  primary key (tenant_id, id),
  unique (tenant_id, source_system, external_id)
);
create index invoices_updated on records.invoices (tenant_id, updated_at, id);
create index invoices_invoice_number on records.invoices (tenant_id, invoice_number, id);
create index invoices_invoice_number_prefix on records.invoices (tenant_id, lower(invoice_number) text_pattern_ops);
create index invoices_customer_external_id on records.invoices (tenant_id, customer_external_id);
create index invoices_supplier_external_id on records.invoices (tenant_id, supplier_external_id);
create index invoices_sales_order_external_id on records.invoices (tenant_id, sales_order_external_id);
create index invoices_purchase_order_external_id on records.invoices (tenant_id, purchase_order_external_id);
create index invoices_invoice_date on records.invoices (tenant_id, invoice_date, id);
create index invoices_due_date on records.invoices (tenant_id, due_date, id);
create index invoices_total_amount on records.invoices (tenant_id, total_amount, id);
create index invoices_balance_due on records.invoices (tenant_id, balance_due, id);
create index invoices_reference_prefix on records.invoices (tenant_id, lower(reference) text_pattern_ops);
select platform.isolate_by_tenant('records.invoices');

-- The invoice's lines.
create table records.invoice_lines (
  tenant_id text not null,
  parent_id text not null,
  position integer not null,
  line_number integer not null,
  item_external_id text,
  description text,
  quantity numeric,
  uom text,
  unit_price numeric,
  extended_amount numeric not null,
  tax_amount numeric,
  order_line_number integer,
  attributes jsonb not null default '{}',
  primary key (tenant_id, parent_id, position)
);
select platform.isolate_by_tenant('records.invoice_lines');

-- Inventory balance: How much of an item a location holds, is committed and is expected, as of a moment.
create table records.inventory_balances (
  tenant_id text not null,
  id text not null,
  source_system text not null,
  external_id text not null,
  item_external_id text not null,
  location_external_id text not null,
  uom text not null,
  quantity_on_hand numeric not null,
  quantity_allocated numeric,
  quantity_available numeric,
  quantity_on_order numeric,
  quantity_in_transit numeric,
  quantity_backordered numeric,
  reorder_point numeric,
  safety_stock numeric,
  max_quantity numeric,
  currency text,
  unit_cost numeric,
  as_of timestamptz not null,
  last_counted_date date,
  attributes jsonb not null default '{}',
  content_hash text not null,
  version integer not null default 1,
  created_at timestamptz not null default date_trunc('milliseconds', now()),
  updated_at timestamptz not null default date_trunc('milliseconds', now()),
  primary key (tenant_id, id),
  unique (tenant_id, source_system, external_id)
);
create index inventory_balances_updated on records.inventory_balances (tenant_id, updated_at, id);
create index inventory_balances_item_external_id on records.inventory_balances (tenant_id, item_external_id);
create index inventory_balances_location_external_id on records.inventory_balances (tenant_id, location_external_id);
create index inventory_balances_quantity_available on records.inventory_balances (tenant_id, quantity_available, id);
create index inventory_balances_as_of on records.inventory_balances (tenant_id, as_of, id);
select platform.isolate_by_tenant('records.inventory_balances');

-- Inventory movement: One change to stock: a receipt, shipment, transfer, adjustment or count.
create table records.inventory_movements (
  tenant_id text not null,
  id text not null,
  source_system text not null,
  external_id text not null,
  item_external_id text not null,
  location_external_id text not null,
  kind text not null,
  quantity numeric not null,
  uom text not null,
  occurred_at timestamptz not null,
  reference_type text,
  reference_external_id text,
  lot_number text,
  bin text,
  reason_code text,
  currency text,
  unit_cost numeric,
  performed_by text,
  attributes jsonb not null default '{}',
  content_hash text not null,
  version integer not null default 1,
  created_at timestamptz not null default date_trunc('milliseconds', now()),
  updated_at timestamptz not null default date_trunc('milliseconds', now()),
  primary key (tenant_id, id),
  unique (tenant_id, source_system, external_id)
);
create index inventory_movements_updated on records.inventory_movements (tenant_id, updated_at, id);
create index inventory_movements_item_external_id on records.inventory_movements (tenant_id, item_external_id);
create index inventory_movements_location_external_id on records.inventory_movements (tenant_id, location_external_id);
create index inventory_movements_occurred_at on records.inventory_movements (tenant_id, occurred_at, id);
select platform.isolate_by_tenant('records.inventory_movements');

-- Service case: A customer service case from the CRM or help desk: a return, a damage claim, a billing question.
create table records.service_cases (
  tenant_id text not null,
  id text not null,
  source_system text not null,
  external_id text not null,
  case_number text not null,
  subject text not null,
  description text,
  category text,
  status text not null,
  priority text,
  channel text,
  customer_external_id text,
  sales_order_external_id text,
  invoice_external_id text,
  shipment_external_id text,
  item_external_id text,
  assigned_to text,
  opened_at timestamptz not null,
  due_at timestamptz,
  resolved_at timestamptz,
  attributes jsonb not null default '{}',
  content_hash text not null,
  version integer not null default 1,
  created_at timestamptz not null default date_trunc('milliseconds', now()),
  updated_at timestamptz not null default date_trunc('milliseconds', now()),
  primary key (tenant_id, id),
  unique (tenant_id, source_system, external_id)
);
create index service_cases_updated on records.service_cases (tenant_id, updated_at, id);
create index service_cases_case_number on records.service_cases (tenant_id, case_number, id);
create index service_cases_case_number_prefix on records.service_cases (tenant_id, lower(case_number) text_pattern_ops);
create index service_cases_subject_prefix on records.service_cases (tenant_id, lower(subject) text_pattern_ops);
create index service_cases_customer_external_id on records.service_cases (tenant_id, customer_external_id);
create index service_cases_sales_order_external_id on records.service_cases (tenant_id, sales_order_external_id);
create index service_cases_invoice_external_id on records.service_cases (tenant_id, invoice_external_id);
create index service_cases_shipment_external_id on records.service_cases (tenant_id, shipment_external_id);
create index service_cases_item_external_id on records.service_cases (tenant_id, item_external_id);
create index service_cases_opened_at on records.service_cases (tenant_id, opened_at, id);
create index service_cases_due_at on records.service_cases (tenant_id, due_at, id);
create index service_cases_resolved_at on records.service_cases (tenant_id, resolved_at, id);
select platform.isolate_by_tenant('records.service_cases');

