import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "../api/client.ts";
import { AiProvider, DocumentSettings } from "../contract.ts";

export const documentSettingsQuery = queryOptions({
  queryKey: ["documents", "settings"],
  queryFn: ({ signal }) => api("GET", "/api/v1/documents/settings", { schema: DocumentSettings, signal }),
});

/** The tenant's AI providers: whether a model can read documents at all. */
export const aiProvidersQuery = queryOptions({
  queryKey: ["ai", "providers"],
  queryFn: ({ signal }) => api("GET", "/api/v1/ai/providers", { schema: z.object({ data: z.array(AiProvider) }), signal }),
});

export const saveDocumentSettings = (input: DocumentSettings) =>
  api("PUT", "/api/v1/documents/settings", { json: input, schema: DocumentSettings });
