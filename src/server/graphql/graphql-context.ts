import type { Records } from "../../modules/records/index.ts";
import { requestError } from "./limits.ts";
import { createRecordLoaders, type RecordLoaders } from "./record-loaders.ts";

/** What every resolver of one request gets: the records module, as the request's tenant. */
export type GraphqlContext = {
  records: Records;
  /** Undefined for a caller acting in no tenant (the operator without X-Crossdock-Tenant). */
  tenantId: string | undefined;
  loaders: RecordLoaders | undefined;
};

export function createGraphqlContext(records: Records, tenantId: string | undefined): GraphqlContext {
  return { records, tenantId, loaders: tenantId ? createRecordLoaders(records, tenantId) : undefined };
}

/** The tenant the request reads as; record fields are never resolved without one. */
export function tenantScope(context: GraphqlContext): { records: Records; tenantId: string; loaders: RecordLoaders } {
  const { records, tenantId, loaders } = context;
  if (!tenantId || !loaders) {
    throw requestError("This query reads a tenant's records; pass X-Crossdock-Tenant with its slug or id", "bad_request");
  }
  return { records, tenantId, loaders };
}
