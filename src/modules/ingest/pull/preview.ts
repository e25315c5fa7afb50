import type { Database } from "../../../platform/db/database.ts";
import { withTenant } from "../../../platform/db/tenant-scope.ts";
import { AppError } from "../../../platform/errors.ts";
import type { Keyring } from "../../../platform/secret-key.ts";
import { applyMapping } from "../mapping/index.ts";
import { compileSourceMapping } from "../sources/source-mapping.ts";
import { findConnectorRow, resourceOf } from "./connector-rows.ts";
import { type ConnectorShared, describePullFailure, openPullConnector } from "./connectors/index.ts";
import type { PullPreview } from "./contract/index.ts";
import { openConnectorRow } from "./run-stream.ts";

const SHOWN_ROWS = 20;
const PREVIEW_TIMEOUT_MS = 60_000;

/**
 * Reads a resource's first page and maps its rows, writing nothing and saving no cursor: what an
 * integration engineer checks before the first run. A source that cannot be read is a 422 naming why.
 */
export async function previewResource(
  deps: { db: Database; keyring: Keyring; shared: ConnectorShared },
  tenantId: string,
  idOrName: string,
  resource: string,
): Promise<PullPreview> {
  const row = await withTenant(deps.db, tenantId, (tx) => findConnectorRow(tx, idOrName));
  const config = resourceOf(row, resource);
  const mapping = compileSourceMapping(config.mapping as Record<string, unknown>);
  const connector = openPullConnector(await openConnectorRow(deps.keyring, row), deps.shared);
  try {
    const page = await connector.readPage(resource, null, AbortSignal.timeout(PREVIEW_TIMEOUT_MS));
    const mapped = page.rows.map((item) => ({ row: item, ...applyMapping(mapping, item, { sourceSystem: row.source_system }) }));
    return {
      resource,
      rows_read: page.rows.length,
      rows: mapped.slice(0, SHOWN_ROWS).map((item) => ({
        row: item.row,
        records: item.records.map((record) => ({ type: record.type, row: record.row })),
        problems: item.problems,
      })),
      problem_rows: mapped.filter((item) => item.problems.length > 0).length,
      more: !page.done,
    };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("validation_failed", `${row.name}/${resource} could not be read: ${describePullFailure(error).message}`);
  } finally {
    await connector.close();
  }
}
