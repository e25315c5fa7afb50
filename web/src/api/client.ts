import type { z } from "zod";
import { actingTenant } from "./acting-tenant.ts";
import { ApiError } from "./api-error.ts";

type Query = Record<string, string | number | boolean | undefined | null>;

export type RequestOptions<S extends z.ZodType | undefined> = {
  query?: Query;
  json?: unknown;
  /** A multipart body (a file upload); the browser sets its content type. */
  form?: FormData;
  /** Validates the response against the contract; a mismatch is reported rather than rendered wrong. */
  schema?: S;
  signal?: AbortSignal;
};

export function withQuery(path: string, query: Query | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function toApiError(response: Response): Promise<ApiError> {
  const requestId = response.headers.get("x-request-id") ?? undefined;
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string; details?: [] } };
    if (body.error?.code) {
      return new ApiError(
        response.status,
        body.error.code,
        body.error.message ?? response.statusText,
        body.error.details,
        requestId,
      );
    }
  } catch {
    // not JSON
  }
  return new ApiError(
    response.status,
    "http_error",
    `The server answered ${response.status} ${response.statusText}`,
    [],
    requestId,
  );
}

/**
 * Calls the public REST API, the same one integrators use: the session cookie authenticates, the
 * acting tenant rides in a header, errors become ApiError with the API's code and field details.
 */
export async function api<S extends z.ZodType | undefined = undefined>(
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  options: RequestOptions<S> = {},
): Promise<S extends z.ZodType ? z.output<S> : unknown> {
  const headers: Record<string, string> = { accept: "application/json" };
  const tenant = actingTenant();
  if (tenant) headers["x-crossdock-tenant"] = tenant;
  if (options.json !== undefined) headers["content-type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: "same-origin",
      body: options.form ?? (options.json === undefined ? null : JSON.stringify(options.json)),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiError(0, "network", "The server could not be reached; check the connection and try again");
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as never;
  const body: unknown = await response.json();
  if (!options.schema) return body as never;
  const parsed = options.schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      "unexpected_response",
      `The server's answer to ${method} ${path} did not match the API contract: ${parsed.error.issues[0]?.message ?? "invalid"}`,
    );
  }
  return parsed.data as never;
}
