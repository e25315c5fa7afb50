import { isApiError } from "../api/api-error.ts";

/** What went wrong, in the API's words, with the request id support will ask for. */
export function ErrorBanner({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const message = isApiError(error) ? error.describe() : error instanceof Error ? error.message : String(error);
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <div className="banner banner--error" role="alert">
      {title ? <strong>{title}: </strong> : null}
      {message}
      {requestId ? <span className="banner__meta"> (request {requestId})</span> : null}
    </div>
  );
}
