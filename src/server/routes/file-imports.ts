import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { z } from "@hono/zod-openapi";
import {
  FileDrop,
  FileDropInput,
  FileDropUpdate,
  FileImport,
  FileImportQuery,
  FileUploaded,
} from "../../modules/ingest/index.ts";
import { AppError } from "../../platform/errors.ts";
import { tenantOf, writeContextOf } from "../context.ts";
import { errorResponse, errorResponses } from "../error-response.ts";
import type { RouteDeps } from "./route-deps.ts";

const DropParams = z.object({ id: z.string().describe("the drop's id (src_…) or name") });
const ImportParams = z.object({ id: z.string().describe("the file import's id (fimp_…)") });
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** File drops (folders and SFTP directories watched for CSV, XLSX and JSONL exports) and the imports of their files. */
export function fileImportRoutes({ routes, rawRoutes, ingest }: RouteDeps) {
  const files = ingest.files;
  routes(
    {
      method: "get",
      path: "/api/v1/ingest/file-drops",
      tags: ["ingest"],
      summary: "The tenant's file drops, with how each is doing",
      access: { scope: "ingest:read" },
      responses: { 200: json(z.object({ data: z.array(FileDrop) }), "File drops"), ...errorResponses },
    },
    async (c) => c.json({ data: await files.list(tenantOf(c)) }),
  );
  routes(
    {
      method: "post",
      path: "/api/v1/ingest/file-drops",
      tags: ["ingest"],
      summary:
        "Add a file drop: a folder (or an SFTP directory) whose CSV, XLSX or JSONL files become records through its mapping",
      access: { scope: "ingest:admin" },
      request: { body: { content: { "application/json": { schema: FileDropInput } }, required: true } },
      responses: { 201: json(FileDrop, "Created"), 409: errorResponse("The name or the folder is taken"), ...errorResponses },
    },
    async (c) => c.json(await files.create(writeContextOf(c), c.req.valid("json" as never)), 201),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/ingest/file-drops/{id}",
      tags: ["ingest"],
      summary: "One file drop",
      access: { scope: "ingest:read" },
      request: { params: DropParams },
      responses: { 200: json(FileDrop, "The drop"), 404: errorResponse("No such drop"), ...errorResponses },
    },
    async (c) => c.json(await files.get(tenantOf(c), c.req.param("id") as string)),
  );
  routes(
    {
      method: "patch",
      path: "/api/v1/ingest/file-drops/{id}",
      tags: ["ingest"],
      summary:
        "Change a drop's mapping, format, location or status (an SFTP location without a password or key keeps the one it has)",
      access: { scope: "ingest:admin" },
      request: { params: DropParams, body: { content: { "application/json": { schema: FileDropUpdate } }, required: true } },
      responses: { 200: json(FileDrop, "The drop as changed"), 404: errorResponse("No such drop"), ...errorResponses },
    },
    async (c) => c.json(await files.update(writeContextOf(c), c.req.param("id") as string, c.req.valid("json" as never))),
  );
  routes(
    {
      method: "delete",
      path: "/api/v1/ingest/file-drops/{id}",
      tags: ["ingest"],
      summary: "Stop watching a drop; its files stay in the folder, its imports and quarantined rows are kept",
      access: { scope: "ingest:admin" },
      request: { params: DropParams },
      responses: { 204: { description: "Removed" }, 404: errorResponse("No such drop"), ...errorResponses },
    },
    async (c) => {
      await files.remove(writeContextOf(c), c.req.param("id") as string);
      return c.body(null, 204);
    },
  );
  rawRoutes(
    {
      method: "post",
      path: "/api/v1/ingest/file-drops/{id}/files",
      tags: ["ingest"],
      summary: "Put a file in a drop, for people without access to its folder; it is imported like a dropped one",
      description:
        "The file as the raw body (any content type) with `?name=items.csv`, or as the `file` field of a multipart/form-data body (its file name is used unless `name` is given). Answered 202 with the file import it started, or 200 with the import of the same content before it (not imported again). The body is limited by CROSSDOCK_BODY_LIMIT_MB: larger files go to the folder or the SFTP directory.",
      access: { scope: "ingest:admin" },
      request: {
        params: DropParams,
        query: z.object({ name: z.string().optional().describe("the file's name in the drop, e.g. items-2024-05-14.csv") }),
        body: { content: { "application/octet-stream": { schema: z.string().describe("the file") } }, required: true },
      },
      responses: {
        200: json(FileUploaded, "The same content was imported before; not imported again"),
        202: json(FileUploaded, "Put in the drop; it is imported next"),
        404: errorResponse("No such drop"),
        413: errorResponse("The file is larger than the body limit"),
        ...errorResponses,
      },
    },
    async (c) => {
      let name = c.req.query("name");
      let body: Readable;
      if ((c.req.header("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) {
        const form = await c.req.parseBody();
        const file = form.file;
        if (!(file instanceof File)) throw new AppError("bad_request", "A multipart upload carries the file in its `file` field");
        name ??= file.name;
        body = Readable.fromWeb(file.stream() as WebReadableStream);
      } else {
        if (!c.req.raw.body) throw new AppError("bad_request", "The request has no body: send the file as it");
        body = Readable.fromWeb(c.req.raw.body as WebReadableStream);
      }
      if (!name) throw new AppError("bad_request", "Name the file: ?name=items.csv");
      const uploaded = await files.upload(writeContextOf(c), c.req.param("id") as string, name, body);
      return c.json(uploaded, uploaded.duplicate ? 200 : 202);
    },
  );
  routes(
    {
      method: "get",
      path: "/api/v1/ingest/file-imports",
      tags: ["ingest"],
      summary: "Files taken from drops, newest first, each with its report: by drop or status",
      access: { scope: "ingest:read" },
      request: { query: FileImportQuery },
      responses: {
        200: json(z.object({ data: z.array(FileImport), next_cursor: z.string().nullable() }), "File imports"),
        ...errorResponses,
      },
    },
    async (c) => c.json(await files.imports.list(tenantOf(c), c.req.valid("query" as never))),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/ingest/file-imports/{id}",
      tags: ["ingest"],
      summary: "One file import with its report: counts, the first problems with their lines, where the file went",
      access: { scope: "ingest:read" },
      request: { params: ImportParams },
      responses: { 200: json(FileImport, "The file import"), 404: errorResponse("No such file import"), ...errorResponses },
    },
    async (c) => c.json(await files.imports.get(tenantOf(c), c.req.param("id") as string)),
  );
  routes(
    {
      method: "post",
      path: "/api/v1/ingest/file-imports/{id}/rerun",
      tags: ["ingest"],
      summary:
        "Run a failed import again from its first line (after fixing the mapping or the drop): its file goes back in the folder",
      access: { scope: "ingest:admin" },
      request: { params: ImportParams },
      responses: {
        200: json(FileImport, "Pending again"),
        404: errorResponse("No such file import"),
        409: errorResponse("The import did not fail, or its file is no longer in failed/"),
        ...errorResponses,
      },
    },
    async (c) => c.json(await files.imports.rerun(writeContextOf(c), c.req.param("id") as string)),
  );
}
