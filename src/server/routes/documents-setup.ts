import { z } from "@hono/zod-openapi";
import { DocumentSettings, Mailbox, MailboxInput, MailboxUpdate, PollOutcome } from "../../modules/documents/index.ts";
import { tenantOf, writeContextOf } from "../context.ts";
import { errorResponse, errorResponses } from "../error-response.ts";
import type { RouteDeps } from "./route-deps.ts";

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** Documents' settings and the mailboxes polled for them (registered before /api/v1/documents/{id}, which would take their paths). */
export function documentSetupRoutes({ routes, documents }: RouteDeps) {
  routes(
    {
      method: "get",
      path: "/api/v1/documents/settings",
      tags: ["documents"],
      summary: "The tenant's tolerances for checking documents against the records (price, quantity)",
      access: { scope: "documents:read" },
      responses: { 200: json(DocumentSettings, "The tolerances"), ...errorResponses },
    },
    async (c) => c.json(await documents.settings(tenantOf(c))),
  );
  routes(
    {
      method: "put",
      path: "/api/v1/documents/settings",
      tags: ["documents"],
      summary:
        "Set the tenant's tolerances: a price over the PO's cost or off the agreed price, a quantity over what was received",
      access: { scope: "documents:admin" },
      request: { body: { content: { "application/json": { schema: DocumentSettings } }, required: true } },
      responses: { 200: json(DocumentSettings, "The tolerances as set"), ...errorResponses },
    },
    async (c) => c.json(await documents.updateSettings(writeContextOf(c), c.req.valid("json" as never))),
  );
  const MailboxId = z.object({ id: z.string().describe("the mailbox's id (mbx_…) or name") });
  routes(
    {
      method: "get",
      path: "/api/v1/documents/mailboxes",
      tags: ["documents"],
      summary: "Mailboxes polled over IMAP for documents, each with how its last poll went",
      access: { scope: "documents:read" },
      responses: { 200: json(z.object({ data: z.array(Mailbox) }), "Mailboxes"), ...errorResponses },
    },
    async (c) => c.json({ data: await documents.mailboxes.list(tenantOf(c)) }),
  );
  routes(
    {
      method: "post",
      path: "/api/v1/documents/mailboxes",
      tags: ["documents"],
      summary:
        "Poll a mailbox for documents: its new messages' attachments and bodies are read (the password is sealed, never returned)",
      access: { scope: "documents:admin" },
      request: { body: { content: { "application/json": { schema: MailboxInput } }, required: true } },
      responses: { 201: json(Mailbox, "Created"), 409: errorResponse("The name is taken"), ...errorResponses },
    },
    async (c) => c.json(await documents.mailboxes.create(writeContextOf(c), c.req.valid("json" as never)), 201),
  );
  routes(
    {
      method: "get",
      path: "/api/v1/documents/mailboxes/{id}",
      tags: ["documents"],
      summary: "One mailbox",
      access: { scope: "documents:read" },
      request: { params: MailboxId },
      responses: { 200: json(Mailbox, "The mailbox"), 404: errorResponse("No such mailbox"), ...errorResponses },
    },
    async (c) => c.json(await documents.mailboxes.get(tenantOf(c), c.req.param("id") as string)),
  );
  routes(
    {
      method: "patch",
      path: "/api/v1/documents/mailboxes/{id}",
      tags: ["documents"],
      summary: "Change a mailbox (pointing it at another host, account or folder reads that folder from its first message)",
      access: { scope: "documents:admin" },
      request: { params: MailboxId, body: { content: { "application/json": { schema: MailboxUpdate } }, required: true } },
      responses: { 200: json(Mailbox, "The mailbox as changed"), 404: errorResponse("No such mailbox"), ...errorResponses },
    },
    async (c) =>
      c.json(await documents.mailboxes.update(writeContextOf(c), c.req.param("id") as string, c.req.valid("json" as never))),
  );
  routes(
    {
      method: "delete",
      path: "/api/v1/documents/mailboxes/{id}",
      tags: ["documents"],
      summary: "Stop polling a mailbox; the files taken from it stay",
      access: { scope: "documents:admin" },
      request: { params: MailboxId },
      responses: { 204: { description: "Removed" }, 404: errorResponse("No such mailbox"), ...errorResponses },
    },
    async (c) => {
      await documents.mailboxes.remove(writeContextOf(c), c.req.param("id") as string);
      return c.body(null, 204);
    },
  );
  routes(
    {
      method: "post",
      path: "/api/v1/documents/mailboxes/{id}/poll",
      tags: ["documents"],
      summary: "Poll a mailbox now, and say what was taken",
      access: { scope: "documents:admin" },
      request: { params: MailboxId },
      responses: {
        200: json(PollOutcome, "What the poll took"),
        404: errorResponse("No such mailbox"),
        409: errorResponse("The mailbox is paused"),
        ...errorResponses,
      },
    },
    async (c) => c.json(await documents.mailboxes.pollNow(tenantOf(c), c.req.param("id") as string)),
  );
}
