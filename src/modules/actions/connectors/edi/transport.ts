import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { EdiDelivery } from "../../contract/index.ts";
import { RetryableActionError } from "../../errors.ts";
import { type HttpAuthorizer, sendAuthorized } from "../rest/http-auth.ts";
import { failureOf, type HttpRequest } from "../rest/transport.ts";

export type Delivered = { status: number | null; destination: string };

/** The folder a tenant's connector writes into: always inside the tenant's own part of the outbox. */
export function outboxFolder(outboxDir: string, tenantId: string, relative: string): string {
  const root = path.resolve(outboxDir, tenantId);
  const folder = path.resolve(root, relative);
  if (folder !== root && !folder.startsWith(`${root}${path.sep}`)) throw new Error(`${relative} is outside the outbox`);
  return folder;
}

/** Writes the file whole or not at all: a temporary file in the same folder, flushed, then renamed into place. */
async function writeAtomically(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  const handle = await open(temporary, "wx", 0o640);
  try {
    await handle.writeFile(content, "utf8");
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Delivers an interchange: into a folder (the same name for the same interchange, so a retry
 * replaces the file with itself) or by HTTP POST with the write's Idempotency-Key.
 */
export async function deliver(
  delivery: EdiDelivery,
  interchange: { fileName: string; document: string; idempotencyKey: string },
  context: { outboxDir: string; tenantId: string; authorizer: HttpAuthorizer },
): Promise<Delivered> {
  if (delivery.type === "folder") {
    const folder = outboxFolder(context.outboxDir, context.tenantId, delivery.path);
    const file = path.join(folder, interchange.fileName);
    try {
      await writeAtomically(file, interchange.document);
    } catch (error) {
      throw new RetryableActionError(
        "connector_unavailable",
        `The interchange could not be written to the outbox (${(error as Error).message})`,
        {
          cause: error,
        },
      );
    }
    return { status: null, destination: path.posix.join(delivery.path || ".", interchange.fileName) };
  }
  const request: HttpRequest = {
    method: "POST",
    url: delivery.url,
    headers: {
      "content-type": "application/edi-x12",
      "idempotency-key": interchange.idempotencyKey,
    },
    body: interchange.document,
    timeoutMs: delivery.timeout_ms,
  };
  const answer = await sendAuthorized(request, context.authorizer);
  const failure = failureOf(request, answer);
  if (failure) throw failure;
  return { status: answer.status, destination: delivery.url };
}
