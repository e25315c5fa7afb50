import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseSecretKey } from "./crypto.ts";
import { AppError } from "./errors.ts";

/**
 * The whole configuration, parsed once from the environment at start. A bad value stops the
 * process with a message that names the variable and what it should be.
 */
export const Config = z.object({
  /** Where the embedded database and local state live. */
  dataDir: z.string().min(1),
  /** A PostgreSQL server (15+). When absent, Crossdock runs on embedded PGlite in `dataDir`. */
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  /** Connections to a PostgreSQL server, per process. */
  databasePoolSize: z.coerce.number().int().min(2).max(200),
  host: z.string().min(1),
  port: z.coerce.number().int().min(0).max(65535),
  /** The URL people reach Crossdock at, when behind a proxy; printed at start. */
  publicUrl: z.string().url().optional(),
  logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]),
  /** Largest request body accepted, in megabytes. */
  bodyLimitMb: z.coerce.number().positive().max(512),
  /** Longest a console session lives without use, in hours. */
  sessionTtlHours: z.coerce
    .number()
    .positive()
    .max(24 * 90),
  /** How long a write's Idempotency-Key is remembered, in hours; a retry after that runs again. */
  idempotencyKeyHours: z.coerce
    .number()
    .positive()
    .max(24 * 30),
  /** Identifies this process's workflows, so a restarted process recovers its own. */
  executorId: z.string().min(1),
  /**
   * Version of the workflow code; a restarted process resumes the runs of its own version. Defaults
   * to the package version, so a restart after a code change still resumes interrupted runs.
   */
  appVersion: z.string().min(1),
  role: z.enum(["all", "api", "worker"]),
  /** The mail server outgoing email (invitations) goes through; unset, no email is sent. */
  smtpUrl: z
    .string()
    .regex(/^smtps?:\/\/[^/]/, "must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.com:587")
    .refine((value) => URL.canParse(value), "must be a valid URL")
    .optional(),
  /** The address outgoing email comes from; the sender's name is the tenant's branding. */
  mailFrom: z.string().regex(/^[^\s@<>",]+@[^\s@<>",]+$/, "must be an email address, e.g. crossdock@example.com"),
  /**
   * The key connector secrets are encrypted with (AES-256-GCM): 32 bytes, base64. Unset on the
   * embedded database, a key file in the data directory is made on first use; unset on a
   * PostgreSQL server, secrets cannot be stored.
   */
  secretKey: z
    .string()
    .refine((value) => parseSecretKey(value) !== undefined, "must be 32 bytes in base64, e.g. from `openssl rand -base64 32`")
    .optional(),
  /** Where EDI connectors that deliver to a folder write their files (each tenant in a folder of its own). */
  ediOutboxDir: z.string().min(1).optional(),
  /** Where local file drops' folders are (each tenant in a folder of its own); a drop's folder is a path under it. */
  fileDropsDir: z.string().min(1).optional(),
  /** Where documents are dropped to be read (each tenant in a folder of its own, named by its id). */
  documentsInboxDir: z.string().min(1).optional(),
});
export type Config = z.infer<typeof Config>;

const ENV_NAMES: Record<keyof Config, string> = {
  dataDir: "CROSSDOCK_DATA_DIR",
  databaseUrl: "DATABASE_URL",
  databasePoolSize: "CROSSDOCK_DB_POOL_SIZE",
  host: "HOST",
  port: "PORT",
  publicUrl: "CROSSDOCK_PUBLIC_URL",
  logLevel: "LOG_LEVEL",
  bodyLimitMb: "CROSSDOCK_BODY_LIMIT_MB",
  sessionTtlHours: "CROSSDOCK_SESSION_TTL_HOURS",
  idempotencyKeyHours: "CROSSDOCK_IDEMPOTENCY_KEY_HOURS",
  executorId: "CROSSDOCK_EXECUTOR_ID",
  appVersion: "CROSSDOCK_APP_VERSION",
  role: "CROSSDOCK_ROLE",
  smtpUrl: "CROSSDOCK_SMTP_URL",
  mailFrom: "CROSSDOCK_MAIL_FROM",
  secretKey: "CROSSDOCK_SECRET_KEY",
  ediOutboxDir: "CROSSDOCK_EDI_OUTBOX_DIR",
  fileDropsDir: "CROSSDOCK_FILE_DROPS_DIR",
  documentsInboxDir: "CROSSDOCK_DOCUMENTS_INBOX_DIR",
};

const PACKAGE_VERSION = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string })
  .version;

const DEFAULTS = {
  appVersion: PACKAGE_VERSION,
  dataDir: "./crossdock-data",
  databasePoolSize: "10",
  host: "127.0.0.1",
  port: "3000",
  logLevel: "info",
  bodyLimitMb: "32",
  sessionTtlHours: "12",
  idempotencyKeyHours: "24",
  executorId: "local",
  role: "all",
  mailFrom: "crossdock@localhost",
} satisfies Partial<Record<keyof Config, string>>;

/** Reads the environment (and optional overrides, e.g. from CLI flags) into a Config. */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<Record<keyof Config, string | number>> = {},
): Config {
  const raw: Record<string, unknown> = {};
  for (const [key, envName] of Object.entries(ENV_NAMES) as [keyof Config, string][]) {
    const fromEnv = env[envName];
    raw[key] = overrides[key] ?? (fromEnv === "" ? undefined : fromEnv) ?? (DEFAULTS as Record<string, string>)[key];
  }
  const parsed = Config.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const key = issue.path[0] as keyof Config;
      return `  ${ENV_NAMES[key] ?? String(key)}=${JSON.stringify(raw[key] ?? "")}: ${issue.message}`;
    });
    throw new AppError("config_invalid", `Crossdock's configuration is invalid:\n${lines.join("\n")}`);
  }
  const dataDir = path.resolve(parsed.data.dataDir);
  const ediOutboxDir = path.resolve(parsed.data.ediOutboxDir ?? path.join(dataDir, "edi-outbox"));
  const fileDropsDir = path.resolve(parsed.data.fileDropsDir ?? path.join(dataDir, "file-drops"));
  const documentsInboxDir = path.resolve(parsed.data.documentsInboxDir ?? path.join(dataDir, "documents-inbox"));
  return { ...parsed.data, dataDir, ediOutboxDir, fileDropsDir, documentsInboxDir };
}
