import { z } from "@hono/zod-openapi";
import {
  DocumentQuery,
  GenerateDocumentInput,
  GeneratedDocument,
  InterchangeAccepted,
  InterchangeQuery,
  MAX_INTERCHANGE_BYTES,
  OutboundDocument,
  OutboundDocumentDetail,
  ReceivedInterchange,
  TradingPartner,
  TradingPartnerInput,
  TradingPartnerUpdate,
} from "../../modules/ingest/index.ts";
import { AppError } from "../../platform/errors.ts";
import { type AppContext, tenantOf, writeContextOf } from "../context.ts";
import { errorResponse, errorResponses } from "../error-response.ts";
import type { RouteDeps } from "./route-deps.ts";

const PartnerParams = z.object({ id: z.string().describe("the trading partner's id (tp_…) or name") });
const DocumentParams = z.object({ id: z.string().describe("the document's id (edoc_…)") });
const ReceiptParams = z.object({ id: z.string().describe("the interchange's receipt id (rcv_…)") });
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** Content types an interchange may come as: X12's own, plain text, or bytes. */
const X12_TYPES = ["application/edi-x12", "text/plain", "application/octet-stream", "application/x12"];
const WaitQuery = z.object({
  wait: z
    .enum(["true", "false"])
    .optional()
    .describe("true: answer once the interchange is processed, with each set's outcome and its 997s"),
});

/** The body as the sender sent it: raw bytes, or base64 with `Content-Transfer-Encoding: base64` (as the CLI sends files). */
async function interchangeBody(c: AppContext): Promise<{ body: Buffer; contentType: string | undefined }> {
  const contentType = c.req.header("content-type");
  const type = (contentType ?? "application/edi-x12").split(";")[0]?.trim().toLowerCase() ?? "";
  if (!X12_TYPES.includes(type)) {
    throw new AppError("unsupported_media_type", `Send the interchange as application/edi-x12 or text/plain, not ${type}`);
  }
  const declared = Number(c.req.header("content-length") ?? "0");
  const encoded = (c.req.header("content-transfer-encoding") ?? "").trim().toLowerCase() === "base64";
  const limit = encoded ? Math.ceil((MAX_INTERCHANGE_BYTES * 4) / 3) + 4 : MAX_INTERCHANGE_BYTES;
  if (declared > limit) throw new AppError("payload_too_large", `An interchange is at most ${MAX_INTERCHANGE_BYTES} bytes`);
  const raw = Buffer.from(await c.req.arrayBuffer());
  const body = encoded ? Buffer.from(raw.toString("latin1").replace(/\s+/g, ""), "base64") : raw;
  return { body, contentType: type };
}

const waitOf = (c: AppContext) => WaitQuery.safeParse({ wait: c.req.query("wait") }).data?.wait === "true";

const receiveSpec = (path: string, summary: string, params?: typeof PartnerParams) => ({
  method: "post" as const,
  path,
  tags: ["edi"],
  summary,
  description: `The interchange as the raw body (\`application/edi-x12\` or \`text/plain\`; base64 with \`Content-Transfer-Encoding: base64\`), at most ${MAX_INTERCHANGE_BYTES / 1024 / 1024} MB. Stored before the answer, once per sender and ISA13: sent again, it is answered 200 with the first receipt (\`duplicate\`). Answered 202 when stored (processed next), or 200 with the outcome with \`?wait=true\`. Refused (422) when the ISA's sender is not the partner's.`,
  access: { scope: "ingest:admin" as const },
  request: {
    ...(params ? { params } : {}),
    query: WaitQuery,
    body: { content: { "application/edi-x12": { schema: z.string().describe("the X12 interchange") } }, required: true },
  },
  responses: {
    200: json(InterchangeAccepted, "Stored before (duplicate), or stored and processed (wait)"),
    202: json(InterchangeAccepted, "Stored; it is processed next"),
    404: errorResponse("No such partner"),
    413: errorResponse("The interchange is too large"),
    415: errorResponse("Not an X12 content type"),
    ...errorResponses,
    422: errorResponse("No partner sends as the ISA's sender, or the ISA's sender is not the named partner"),
  },
});

/** Trading partners, the interchanges they send (each a receipt of the partner's source), and the documents written for them. */
export function ediRoutes({ routes, rawRoutes, ingest }: RouteDeps) {
  const { edi } = ingest;
  routes(
    {
      method: "get",
      path: "/api/v1/edi/partners",
      tags: ["edi"],
      summary: "The tenant's trading partners",
      access: { scope: "ingest:read" },
      responses: { 200: json(z.object({ data: z.array(TradingPartner) }), "Trading partners"), ...errorResponses },
    },
    async (c) => c.json({ data: await edi.partners.list(tenantOf(c)) }),
  );
  routes(
    {
      method: "post",
      path: "/api/v1/edi/partners",
      tags: ["edi"],
      summary: "Add a trading partner: its interchange ids and ours, what it sends, where its documents go",
      access: { scope: "ingest:admin" },
      request: { body: { content: { "application/json": { schema: TradingPartnerInput } }, required: true } },
      responses: {
        201: json(TradingPartner, "Created"),
        409: errorResponse("The name, the interchange id, or the source name edi-<name> is taken"),
        ...errorResponses,
      },
    },
    async (c) => c.json(await edi.partners.create(writeContextOf(c), c.req.valid("json" as never)), 201),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/edi/partners/{id}",
      tags: ["edi"],
      summary: "One trading partner",
      access: { scope: "ingest:read" },
      request: { params: PartnerParams },
      responses: { 200: json(TradingPartner, "The partner"), 404: errorResponse("No such partner"), ...errorResponses },
    },
    async (c) => c.json(await edi.partners.get(tenantOf(c), c.req.param("id") as string)),
  );
  routes(
    {
      method: "patch",
      path: "/api/v1/edi/partners/{id}",
      tags: ["edi"],
      summary: "Change a partner's settings (a paused partner's interchanges are stored and wait)",
      access: { scope: "ingest:admin" },
      request: {
        params: PartnerParams,
        body: { content: { "application/json": { schema: TradingPartnerUpdate } }, required: true },
      },
      responses: {
        200: json(TradingPartner, "The partner as changed"),
        404: errorResponse("No such partner"),
        ...errorResponses,
      },
    },
    async (c) => c.json(await edi.partners.update(writeContextOf(c), c.req.param("id") as string, c.req.valid("json" as never))),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/edi/mappings",
      tags: ["edi"],
      summary: "The ready mappings of 850, 856 and 810 to records, each with its spec (a partner's own mapping starts from one)",
      access: { scope: "ingest:read" },
      responses: {
        200: json(
          z.object({
            data: z.array(
              z.object({ name: z.string(), set: z.string(), title: z.string(), description: z.string(), spec: z.unknown() }),
            ),
          }),
          "Ready EDI mappings",
        ),
        ...errorResponses,
      },
    },
    (c) => c.json({ data: edi.readyMappings() }),
  );

  const receive = async (c: AppContext, partner: string | undefined) => {
    const { body, contentType } = await interchangeBody(c);
    const wait = waitOf(c);
    const answer = await edi.receive(tenantOf(c), { partner, body, contentType, wait });
    return c.json(answer, answer.duplicate || wait ? 200 : 202);
  };
  rawRoutes(
    receiveSpec("/api/v1/edi/partners/{id}/interchanges", "Receive an interchange from this partner", PartnerParams),
    (c) => receive(c, c.req.param("id") as string),
  );
  rawRoutes(receiveSpec("/api/v1/edi/interchanges", "Receive an interchange; its partner is found by the ISA's sender"), (c) =>
    receive(c, undefined),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/edi/partners/{id}/interchanges",
      tags: ["edi"],
      summary: "The partner's interchanges as processed, newest first: each set's outcome, the records it wrote, its 997s",
      access: { scope: "ingest:read" },
      request: { params: PartnerParams, query: InterchangeQuery },
      responses: {
        200: json(z.object({ data: z.array(ReceivedInterchange), next_cursor: z.string().nullable() }), "Interchanges"),
        404: errorResponse("No such partner"),
        ...errorResponses,
      },
    },
    async (c) => c.json(await edi.interchanges.list(tenantOf(c), c.req.param("id") as string, c.req.valid("query" as never))),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/edi/interchanges/{id}",
      tags: ["edi"],
      summary:
        "One interchange as processed (its receipt, with the body and quarantine reason, is at /api/v1/ingest/receipts/{id})",
      access: { scope: "ingest:read" },
      request: { params: ReceiptParams },
      responses: {
        200: json(ReceivedInterchange, "The interchange"),
        404: errorResponse("No such interchange, or not processed yet"),
        ...errorResponses,
      },
    },
    async (c) => c.json(await edi.interchanges.get(tenantOf(c), c.req.param("id") as string)),
  );
  routes(
    {
      method: "post",
      path: "/api/v1/edi/partners/{id}/documents",
      tags: ["edi"],
      summary: "Write an 855 (from a sales order), 856 (from an outbound shipment) or 810 (from an AR invoice) for the partner",
      description:
        "Once per partner, set and record version: asked again for the same version, it is the same document (200, `duplicate`); after the record changes, a new one under the next control number (201). Written to the partner's outbox folder when it has one.",
      access: { scope: "ingest:admin" },
      request: {
        params: PartnerParams,
        body: { content: { "application/json": { schema: GenerateDocumentInput } }, required: true },
      },
      responses: {
        200: json(GeneratedDocument, "Written before for this record version"),
        201: json(GeneratedDocument, "Written"),
        404: errorResponse("No such partner or record"),
        ...errorResponses,
        422: errorResponse("The record is not one the set is made from, or cannot be written as it"),
      },
    },
    async (c) => {
      const made = await edi.documents.generate(writeContextOf(c), c.req.param("id") as string, c.req.valid("json" as never));
      return c.json(made, made.duplicate ? 200 : 201);
    },
  );
  routes(
    {
      method: "get",
      path: "/api/v1/edi/partners/{id}/documents",
      tags: ["edi"],
      summary: "Documents written for the partner, newest first: 997s and the 855s, 856s and 810s made from records",
      access: { scope: "ingest:read" },
      request: { params: PartnerParams, query: DocumentQuery },
      responses: {
        200: json(z.object({ data: z.array(OutboundDocument), next_cursor: z.string().nullable() }), "Documents"),
        404: errorResponse("No such partner"),
        ...errorResponses,
      },
    },
    async (c) => c.json(await edi.documents.list(tenantOf(c), c.req.param("id") as string, c.req.valid("query" as never))),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/edi/documents/{id}",
      tags: ["edi"],
      summary: "One document with its X12 text, where it was delivered, and the partner's 997 about it",
      access: { scope: "ingest:read" },
      request: { params: DocumentParams },
      responses: { 200: json(OutboundDocumentDetail, "The document"), 404: errorResponse("No such document"), ...errorResponses },
    },
    async (c) => c.json(await edi.documents.get(tenantOf(c), c.req.param("id") as string)),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/edi/documents/{id}/x12",
      tags: ["edi"],
      summary: "One document's X12 interchange as it was written, for a gateway to send on",
      access: { scope: "ingest:read" },
      request: { params: DocumentParams },
      responses: {
        200: { description: "The interchange", content: { "application/edi-x12": { schema: z.string() } } },
        404: errorResponse("No such document"),
        ...errorResponses,
      },
    },
    async (c) => {
      const document = await edi.documents.get(tenantOf(c), c.req.param("id") as string);
      return c.body(document.body, 200, {
        "content-type": "application/edi-x12; charset=utf-8",
        "content-disposition": `attachment; filename="${document.file_name}"`,
      });
    },
  );
  routes(
    {
      method: "post",
      path: "/api/v1/edi/documents/{id}/deliver",
      tags: ["edi"],
      summary: "Write the partner's documents not yet in its outbox folder (this one among them) now",
      access: { scope: "ingest:admin" },
      request: { params: DocumentParams },
      responses: {
        200: json(OutboundDocument, "The document as delivered (or why not)"),
        404: errorResponse("No such document"),
        ...errorResponses,
      },
    },
    async (c) => {
      const { body: _body, ...document } = await edi.documents.deliver(tenantOf(c), c.req.param("id") as string);
      return c.json(document);
    },
  );
}
