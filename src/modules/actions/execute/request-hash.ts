import { digest } from "../../governance/index.ts";
import type { ActionRequest } from "../contract/index.ts";

/**
 * What makes two requests the same write: the kind, the connector and the payload. Facts,
 * summary and lineage may be restated by a retry; what is written may not change under one key.
 */
export const requestHash = (request: ActionRequest) =>
  digest({ kind: request.kind, connector: request.connector, payload: request.payload });
