import { chmod, mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { SCOPES } from "../modules/governance/index.ts";
import type { Principal } from "../modules/tenancy/index.ts";
import { newSecret, sameHash, sha256 } from "../platform/crypto.ts";

/**
 * The operator is whoever runs the CLI on the machine that runs Crossdock. A running server writes
 * a fresh token to `<data dir>/operator-token` (readable by its owner only); the CLI presents it to
 * act on any tenant. Holding the data directory already means holding the data, so this grants
 * nothing new, and it never leaves the machine.
 */
export type OperatorAccess = {
  token: string;
  matches(token: string): boolean;
  principal(): Principal;
  /** Writes the token file for CLI processes to find. */
  publish(dataDir: string): Promise<void>;
  unpublish(dataDir: string): Promise<void>;
};

export const OPERATOR_TOKEN_FILE = "operator-token";

export function createOperatorAccess(label = process.env.USER ?? "operator"): OperatorAccess {
  const token = `cdo_${newSecret()}`;
  const hash = sha256(token);
  return {
    token,
    matches: (candidate) => candidate.startsWith("cdo_") && sameHash(sha256(candidate), hash),
    principal: () => ({
      kind: "operator",
      actor: { type: "operator", id: label, label: `${label} (CLI)` },
      tenantId: null,
      partnerId: null,
      scopes: [...SCOPES],
    }),
    async publish(dataDir) {
      await mkdir(dataDir, { recursive: true });
      const file = path.join(dataDir, OPERATOR_TOKEN_FILE);
      await writeFile(file, token, { mode: 0o600 });
      await chmod(file, 0o600);
    },
    async unpublish(dataDir) {
      await rm(path.join(dataDir, OPERATOR_TOKEN_FILE), { force: true });
    },
  };
}
