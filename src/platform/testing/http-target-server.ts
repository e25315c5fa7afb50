import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the target system received it. */
export type ReceivedRequest = {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
  json: unknown;
  at: number;
};

/** What the target answers; `delayMs` holds the answer back (to outlast a client's timeout). */
export type Answer = { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number };

export type Handler = (request: ReceivedRequest, count: number) => Answer | Promise<Answer>;

/**
 * A real HTTP server on a free local port standing in for an ERP or a partner's EDI endpoint: it
 * keeps every request it receives and answers as `handle` says (by default 201 with an id). With
 * `honourIdempotency`, a repeated Idempotency-Key gets the first answer again and is not counted as
 * a new write, as a well-behaved target does.
 */
export async function startTargetServer(options: { handle?: Handler; honourIdempotency?: boolean } = {}) {
  const received: ReceivedRequest[] = [];
  const writes = new Map<string, { answer: Answer; count: number }>();
  const state: { handle: Handler } = {
    handle: options.handle ?? ((_request, count) => ({ status: 201, body: { data: { id: `SO-${1000 + count}` } } })),
  };
  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    const chunks: Buffer[] = [];
    // A caller killed mid-request resets the connection; its request never completes, nothing to answer.
    incoming.on("error", () => undefined);
    outgoing.on("error", () => undefined);
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", async () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let json: unknown;
      try {
        json = body ? JSON.parse(body) : undefined;
      } catch {
        json = undefined;
      }
      const request: ReceivedRequest = {
        method: incoming.method ?? "",
        path: incoming.url ?? "",
        headers: incoming.headers,
        body,
        json,
        at: Date.now(),
      };
      received.push(request);
      const key = incoming.headers["idempotency-key"];
      const known = options.honourIdempotency && typeof key === "string" ? writes.get(key) : undefined;
      let answer: Answer;
      if (known) {
        known.count += 1;
        answer = { ...known.answer, delayMs: 0 };
      } else {
        answer = await state.handle(request, received.length);
        if (options.honourIdempotency && typeof key === "string" && answer.status < 300) writes.set(key, { answer, count: 1 });
      }
      if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
      if (outgoing.destroyed) return;
      const text = answer.body === undefined ? "" : typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body);
      outgoing.writeHead(answer.status, {
        "content-type": typeof answer.body === "string" ? "text/plain" : "application/json",
        ...answer.headers,
      });
      outgoing.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    /** Distinct writes the target made (each Idempotency-Key once, when honouring them). */
    writes,
    answer(handle: Handler) {
      state.handle = handle;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type TargetServer = Awaited<ReturnType<typeof startTargetServer>>;
