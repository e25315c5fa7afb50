import { z } from "@hono/zod-openapi";
import {
  DocumentDetail,
  DocumentQuery,
  DocumentStats,
  DocumentSummary,
  FileQuery,
  PageWords,
  Received,
  ReviewInput,
  StatsQuery,
  StoredFile,
} from "../../modules/documents/index.ts";
import { AppError } from "../../platform/errors.ts";
import { tenantOf, writeContextOf } from "../context.ts";
import { errorResponse, errorResponses } from "../error-response.ts";
import type { RouteDeps } from "./route-deps.ts";

const Id = (what: string) => z.object({ id: z.string().describe(what) });
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** A page of a list, and where the next one starts when this one is full. */
const page = <T extends { id: string }>(data: T[], limit: number) => ({
  data,
  next_cursor: data.length === limit ? (data[data.length - 1]?.id ?? null) : null,
});

const CONTENT_TYPES: Record<string, string> = {
  pdf: "application/pdf",
  png: "image/png",
  jpeg: "image/jpeg",
  tiff: "image/tiff",
  email: "message/rfc822",
  text: "text/plain; charset=utf-8",
};

/** Documents: files sent in, the documents read from them, the review queue, and the figures. */
export function documentRoutes({ routes, rawRoutes, documents }: RouteDeps) {
  rawRoutes(
    {
      method: "post",
      path: "/api/v1/documents/files",
      tags: ["documents"],
      summary:
        "Send a file in: a PDF, a scan (PNG, JPEG, TIFF), an email (.eml, its attachments and body each read) or plain text",
      description:
        "The file as the raw body with `?name=invoice-1001.pdf`, or as the `file` field of a multipart/form-data body. What it is is judged by its bytes, not its name. Answered 202 with the stored file (it is read in the background: poll it, or list its documents), or 200 with the earlier file of the same bytes (not read again). A file that cannot be read is quarantined with the reason, never lost.",
      access: { scope: "documents:submit" },
      request: {
        query: z.object({ name: z.string().max(255).optional().describe("the file's name, e.g. invoice-1001.pdf") }),
        body: { content: { "application/octet-stream": { schema: z.string().describe("the file") } }, required: true },
      },
      responses: {
        200: json(Received, "The same bytes came in before; not read again"),
        202: json(Received, "Stored; it is read next"),
        413: errorResponse("The file is larger than the body limit"),
        ...errorResponses,
      },
    },
    async (c) => {
      let name = c.req.query("name");
      let bytes: Uint8Array;
      if ((c.req.header("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) {
        const form = await c.req.parseBody();
        const file = form.file;
        if (!(file instanceof File)) throw new AppError("bad_request", "A multipart upload carries the file in its `file` field");
        name ??= file.name;
        bytes = new Uint8Array(await file.arrayBuffer());
      } else {
        bytes = new Uint8Array(await c.req.arrayBuffer());
      }
      if (!name) throw new AppError("bad_request", "Name the file: ?name=invoice-1001.pdf");
      const received = await documents.receive(writeContextOf(c), { name, bytes, channel: "upload" });
      return c.json(received, received.duplicate ? 200 : 202);
    },
  );
  routes(
    {
      method: "get",
      path: "/api/v1/documents/files",
      tags: ["documents"],
      summary: "Files sent in, newest first: by status (quarantined ones with the reason)",
      access: { scope: "documents:read" },
      request: { query: FileQuery },
      responses: {
        200: json(
          z.object({ data: z.array(StoredFile), next_cursor: z.string().nullable() }),
          "Files; `after=<next_cursor>` for the next page",
        ),
        ...errorResponses,
      },
    },
    async (c) => {
      const query = c.req.valid("query" as never) as FileQuery;
      return c.json(page(await documents.listFiles(tenantOf(c), query), query.limit));
    },
  );
  routes(
    {
      method: "get",
      path: "/api/v1/documents/files/{id}",
      tags: ["documents"],
      summary: "One file: its status, the reason it is quarantined, its documents and an email's parts",
      access: { scope: "documents:read" },
      request: { params: Id("the file's id (dfl_…)") },
      responses: { 200: json(StoredFile, "The file"), 404: errorResponse("No such file"), ...errorResponses },
    },
    async (c) => c.json(await documents.getFile(tenantOf(c), c.req.param("id") as string)),
  );
  rawRoutes(
    {
      method: "get",
      path: "/api/v1/documents/files/{id}/content",
      tags: ["documents"],
      summary: "The file's bytes as they came in",
      access: { scope: "documents:read" },
      request: { params: Id("the file's id (dfl_…)") },
      responses: { 200: { description: "The file" }, 404: errorResponse("No such file"), ...errorResponses },
    },
    async (c) => {
      const file = await documents.fileBytes(tenantOf(c), c.req.param("id") as string);
      return c.body(new Uint8Array(file.bytes), 200, {
        "Content-Type": CONTENT_TYPES[file.type] ?? "application/octet-stream",
        "Content-Disposition": `inline; filename="${file.name.replace(/[^\w.\- ]/g, "_")}"`,
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      });
    },
  );
  routes(
    {
      method: "post",
      path: "/api/v1/documents/files/{id}/retry",
      tags: ["documents"],
      summary: "Read a quarantined file again (after what stopped it was fixed)",
      access: { scope: "documents:admin" },
      request: { params: Id("the file's id (dfl_…)") },
      responses: {
        200: json(StoredFile, "Pending again (or as it was, if it was not quarantined)"),
        404: errorResponse("No such file"),
        ...errorResponses,
      },
    },
    async (c) => c.json(await documents.retryFile(writeContextOf(c), c.req.param("id") as string)),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/documents",
      tags: ["documents"],
      summary: "Documents read: the review queue (status=review, oldest first), or all, newest first; by kind and sender",
      access: { scope: "documents:read" },
      request: { query: DocumentQuery },
      responses: {
        200: json(
          z.object({ data: z.array(DocumentSummary), next_cursor: z.string().nullable() }),
          "Documents; `after=<next_cursor>` for the next page",
        ),
        ...errorResponses,
      },
    },
    async (c) => {
      const query = c.req.valid("query" as never) as DocumentQuery;
      return c.json(page(await documents.list(tenantOf(c), query), query.limit));
    },
  );
  routes(
    {
      method: "get",
      path: "/api/v1/documents/stats",
      tags: ["documents"],
      summary: "Touchless rate, field accuracy from reviews and time in queue: all together (by=none), by kind, sender, or both",
      access: { scope: "documents:read" },
      request: { query: StatsQuery },
      responses: { 200: json(z.object({ data: z.array(DocumentStats) }), "Figures"), ...errorResponses },
    },
    async (c) =>
      c.json({
        data: await documents.stats(
          tenantOf(c),
          (c.req.valid("query" as never) as { by: "none" | "kind" | "sender" | "kind_and_sender" }).by,
        ),
      }),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/documents/{id}",
      tags: ["documents"],
      summary: "One document: fields and lines with their confidences and places, checks, its pages' text, where it went",
      access: { scope: "documents:read" },
      request: { params: Id("the document's id (doc_…)") },
      responses: { 200: json(DocumentDetail, "The document"), 404: errorResponse("No such document"), ...errorResponses },
    },
    async (c) => c.json(await documents.get(tenantOf(c), c.req.param("id") as string)),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/documents/{id}/pages/{page}/words",
      tags: ["documents"],
      summary: "A page's words with their boxes, to show where each value was read",
      access: { scope: "documents:read" },
      request: { params: z.object({ id: z.string(), page: z.coerce.number().int().min(1) }) },
      responses: {
        200: json(PageWords, "The page's words"),
        404: errorResponse("No such document or page"),
        ...errorResponses,
      },
    },
    async (c) => c.json(await documents.pageWords(tenantOf(c), c.req.param("id") as string, Number(c.req.param("page")))),
  );
  routes(
    {
      method: "post",
      path: "/api/v1/documents/{id}/review",
      tags: ["documents"],
      summary: "Decide a document in the review queue: approve (with corrections; it is routed) or reject (with a reason)",
      access: { scope: "documents:review" },
      request: {
        params: Id("the document's id (doc_…)"),
        body: { content: { "application/json": { schema: ReviewInput } }, required: true },
      },
      responses: {
        200: json(DocumentDetail, "The document as decided"),
        404: errorResponse("No such document"),
        409: errorResponse("The document is not waiting for review"),
        ...errorResponses,
      },
    },
    async (c) => c.json(await documents.review(writeContextOf(c), c.req.param("id") as string, c.req.valid("json" as never))),
  );
}
