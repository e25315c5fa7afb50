import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import {
  type Ingest,
  MAX_WEBHOOK_BYTES,
  PAYLOAD_TOO_LARGE,
  type WebhookAnswer,
  webhookDelivery,
} from "../modules/ingest/index.ts";
import type { Logger } from "../platform/logger.ts";
import type { HttpMetrics } from "./metrics.ts";
import { requestIdFor } from "./request-id.ts";

const PREFIX = "/api/v1/ingest/webhooks/";
/** The route's pattern, as Hono names it in metrics. */
export const WEBHOOK_ROUTE = "/api/v1/ingest/webhooks/:id";

/** The JSON body a webhook's answer is sent with, the same from either path. */
export function webhookReply(answer: WebhookAnswer, requestId: string) {
  return "receiptId" in answer
    ? { receipt_id: answer.receiptId, duplicate: answer.duplicate }
    : { error: { code: answer.code, message: answer.message, request_id: requestId } };
}

type WebhookListenerDeps = { ingest: Pick<Ingest, "receiveWebhook">; metrics: HttpMetrics; logger: Logger };

/**
 * Webhooks arrive by the thousand a second, and Hono's chain (a Request built from Node's, the router,
 * five middlewares, a Response turned back into Node's) cost about a fifth of the server's CPU per
 * webhook. So `POST /api/v1/ingest/webhooks/{id}` is answered here, straight from Node's request,
 * with the same answers, request id and metrics as the route declared in routes/ingest.ts, which
 * stays for the OpenAPI document and for requests made through `app.request`. Everything else, and
 * any other method on that path, goes on to `next`.
 */
export function withWebhookFastPath(deps: WebhookListenerDeps, next: RequestListener): RequestListener {
  return (request, response) => {
    const sourceId = request.method === "POST" ? sourceIdOf(request.url) : undefined;
    if (sourceId === undefined) return next(request, response);
    answerWebhook(deps, sourceId, request, response);
  };
}

function sourceIdOf(url: string | undefined): string | undefined {
  if (!url?.startsWith(PREFIX)) return undefined;
  const query = url.indexOf("?");
  const id = url.slice(PREFIX.length, query === -1 ? undefined : query);
  // Not decoded: a source id is letters and digits, so an encoded one is no source (a 404), and a
  // malformed escape must not throw out of the request listener.
  return id.length > 0 && !id.includes("/") ? id : undefined;
}

function answerWebhook(deps: WebhookListenerDeps, sourceId: string, request: IncomingMessage, response: ServerResponse) {
  const started = performance.now();
  const requestId = requestIdFor(header(request, "x-request-id"));
  const send = (status: number, body: unknown) => {
    const text = JSON.stringify(body);
    response.writeHead(status, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(text),
      "x-request-id": requestId,
    });
    response.end(text);
    deps.metrics.observe({ method: "POST", route: WEBHOOK_ROUTE, status, seconds: (performance.now() - started) / 1000 });
  };
  const declared = Number(request.headers["content-length"]);
  if (declared > MAX_WEBHOOK_BYTES) {
    // Not read: what the sender sends on is discarded as it arrives.
    request.resume();
    return send(413, webhookReply(PAYLOAD_TOO_LARGE, requestId));
  }
  const chunks: Buffer[] = [];
  let bytes = 0;
  request.on("data", (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes <= MAX_WEBHOOK_BYTES) chunks.push(chunk);
  });
  request.on("end", () => {
    if (bytes > MAX_WEBHOOK_BYTES) return send(413, webhookReply(PAYLOAD_TOO_LARGE, requestId));
    const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, bytes);
    deps.ingest
      .receiveWebhook(
        sourceId,
        webhookDelivery(body, (name) => header(request, name)),
      )
      .then(
        (answer) => send(answer.status, webhookReply(answer, requestId)),
        (error: unknown) => {
          const message = `Something went wrong on our side; quote request ${requestId} when reporting it`;
          deps.logger.error({ err: error, requestId }, message);
          send(500, { error: { code: "internal", message, request_id: requestId } });
        },
      );
  });
  // A sender that hangs up mid-body gets no answer; nothing was stored.
  request.on("error", () => response.destroy());
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
