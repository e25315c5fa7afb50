/** A small client for setting up a test tenant through the public REST API, as an integrator would. */
export function apiClient(baseUrl: string, token: string) {
  return async function call<T = unknown>(
    method: string,
    path: string,
    options: { json?: unknown; body?: string; tenant?: string; contentType?: string } = {},
  ): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (options.tenant) headers["x-crossdock-tenant"] = options.tenant;
    if (options.json !== undefined || options.body !== undefined)
      headers["content-type"] = options.contentType ?? "application/json";
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: options.json !== undefined ? JSON.stringify(options.json) : options.body,
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
}

export type ApiCall = ReturnType<typeof apiClient>;

/** Calls the API and fails loudly on anything but the expected status. */
export async function expectStatus<T>(promise: Promise<{ status: number; body: T }>, status: number, what: string): Promise<T> {
  const result = await promise;
  if (result.status !== status)
    throw new Error(`${what}: expected ${status}, got ${result.status}: ${JSON.stringify(result.body)}`);
  return result.body;
}
