import { sql } from "drizzle-orm";
import type { Database } from "../../../../platform/db/database.ts";
import { rows, withTenant } from "../../../../platform/db/tenant-scope.ts";
import { PermanentActionError } from "../../errors.ts";

/** ISA13 is nine digits. */
const MAX_CONTROL_NUMBER = 999_999_999;

export type Interchange = { controlNumber: number; document: string; reused: boolean };

function isUniqueViolation(error: unknown): boolean {
  for (
    let current = error as { code?: string; cause?: unknown } | undefined;
    current;
    current = current.cause as typeof current
  ) {
    if (current.code === "23505") return true;
  }
  return false;
}

async function takeOrReuse(
  db: Database,
  scope: { tenantId: string; connectorId: string; idempotencyKey: string; transactionSet: string },
  render: (controlNumber: number) => string,
): Promise<Interchange> {
  return withTenant(db, scope.tenantId, async (tx) => {
    const [existing] = await rows<{ control_number: string; document: string }>(
      tx,
      sql`select control_number, document from actions.edi_interchanges
           where tenant_id = ${scope.tenantId} and connector_id = ${scope.connectorId} and idempotency_key = ${scope.idempotencyKey}`,
    );
    if (existing) return { controlNumber: Number(existing.control_number), document: existing.document, reused: true };
    // The counter row is locked until this transaction ends: concurrent writers take numbers one after another.
    const [counter] = await rows<{ last_value: string }>(
      tx,
      sql`insert into actions.edi_control_numbers (tenant_id, connector_id, last_value) values (${scope.tenantId}, ${scope.connectorId}, 1)
          on conflict (tenant_id, connector_id) do update set last_value = actions.edi_control_numbers.last_value + 1
          returning last_value`,
    );
    const controlNumber = Number(counter?.last_value);
    if (!Number.isSafeInteger(controlNumber) || controlNumber > MAX_CONTROL_NUMBER) {
      throw new PermanentActionError(
        "connector_misconfigured",
        "This connector has used every interchange control number (999,999,999)",
      );
    }
    const document = render(controlNumber);
    await tx.execute(
      sql`insert into actions.edi_interchanges (tenant_id, connector_id, control_number, idempotency_key, transaction_set, document)
          values (${scope.tenantId}, ${scope.connectorId}, ${controlNumber}, ${scope.idempotencyKey}, ${scope.transactionSet}, ${document})`,
    );
    return { controlNumber, document, reused: false };
  });
}

/**
 * The interchange for one write: the one already made for its idempotency key (a retry sends the
 * very same interchange), or a new one under the connector's next control number. The number and
 * the interchange commit together, so numbers have no gaps and are never used twice.
 */
export async function interchangeFor(
  db: Database,
  scope: { tenantId: string; connectorId: string; idempotencyKey: string; transactionSet: string },
  render: (controlNumber: number) => string,
): Promise<Interchange> {
  try {
    return await takeOrReuse(db, scope, render);
  } catch (error) {
    // The same write racing itself: the other attempt made the interchange (and this one's number rolled back).
    if (isUniqueViolation(error)) return takeOrReuse(db, scope, render);
    throw error;
  }
}

export async function markDelivered(db: Database, tenantId: string, connectorId: string, controlNumber: number): Promise<void> {
  await withTenant(db, tenantId, (tx) =>
    tx.execute(
      sql`update actions.edi_interchanges set delivered_at = coalesce(delivered_at, now())
           where tenant_id = ${tenantId} and connector_id = ${connectorId} and control_number = ${controlNumber}`,
    ),
  );
}
