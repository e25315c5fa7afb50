import { readFile } from "node:fs/promises";
import path from "node:path";
import { type Crossdock, createCrossdock } from "../main.ts";
import type { Config } from "../platform/config.ts";
import { currentOwner } from "../platform/db/data-dir-lock.ts";
import { createLogger } from "../platform/logger.ts";
import { OPERATOR_TOKEN_FILE } from "../server/operator-access.ts";

/**
 * The CLI speaks the same REST API as every integrator, as the operator. When a Crossdock server
 * already holds the embedded data directory, requests go to it over HTTP (the embedded database
 * cannot be opened twice); otherwise the CLI builds Crossdock in-process and calls the same app.
 */
export type ApiClient = {
  request<T>(method: string, apiPath: string, options?: RequestOptions): Promise<T>;
  /** Where requests go, for messages. */
  target: string;
  /** The running server's URL, when requests go to one: where people sign in. */
  serverUrl?: string | undefined;
  close(): Promise<void>;
};

export type RequestOptions = {
  tenant?: string | undefined;
  json?: unknown;
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: { path?: string; index?: number; external_id?: string; message: string }[] = [],
  ) {
    super(message);
  }
}

export async function connect(config: Config, options: { quiet?: boolean } = {}): Promise<ApiClient> {
  if (!config.databaseUrl) {
    const owner = await currentOwner(config.dataDir);
    if (owner?.url) {
      const token = (await readFile(path.join(config.dataDir, OPERATOR_TOKEN_FILE), "utf8")).trim();
      return remoteClient(owner.url, token);
    }
  }
  const crossdock = await createCrossdock({
    config,
    logger: createLogger({ level: options.quiet ? "silent" : "warn", name: "crossdock-cli" }),
  });
  return inProcessClient(crossdock);
}

function headersFor(token: string, options: RequestOptions): Record<string, string> {
  return {
    authorization: `Bearer ${token}`,
    ...(options.tenant ? { "x-crossdock-tenant": options.tenant } : {}),
    ...(options.json !== undefined
      ? { "content-type": "application/json" }
      : options.contentType
        ? { "content-type": options.contentType }
        : {}),
    ...options.headers,
  };
}

async function readResponse<T>(response: Response): Promise<T> {
  const text = await response.text();
  const body = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const error = body?.error ?? {};
    throw new ApiError(response.status, error.code ?? "http_error", error.message ?? `HTTP ${response.status}`, error.details);
  }
  return body as T;
}

function bodyOf(options: RequestOptions): string | undefined {
  return options.json !== undefined ? JSON.stringify(options.json) : options.body;
}

/** A client of a Crossdock built in this process; `close` stops it unless `keepRunning`. */
export function inProcessClient(crossdock: Crossdock, options: { keepRunning?: boolean } = {}): ApiClient {
  return {
    target: crossdock.db.description,
    async request(method, apiPath, options = {}) {
      const response = await crossdock.http.app.request(apiPath, {
        method,
        headers: headersFor(crossdock.operator.token, options),
        body: bodyOf(options),
      });
      return readResponse(response);
    },
    close: () => (options.keepRunning ? Promise.resolve() : crossdock.stop()),
  };
}

function remoteClient(baseUrl: string, token: string): ApiClient {
  return {
    target: `the running server at ${baseUrl}`,
    serverUrl: baseUrl,
    async request(method, apiPath, options = {}) {
      const response = await fetch(new URL(apiPath, baseUrl), {
        method,
        headers: headersFor(token, options),
        body: bodyOf(options),
      });
      return readResponse(response);
    },
    close: async () => undefined,
  };
}
