import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { api } from "../api/client.ts";
import { ReceivedInterchange, Source, TradingPartner, type TradingPartnerInput, type TradingPartnerUpdate } from "../contract.ts";

export const ediPartnersQuery = queryOptions({
  queryKey: ["ingest", "edi-partners"],
  queryFn: ({ signal }) => api("GET", "/api/v1/edi/partners", { schema: z.object({ data: z.array(TradingPartner) }), signal }),
});

/** A partner's latest interchanges as processed, newest first; read again while on screen. */
export const ediInterchangesQuery = (partnerId: string) =>
  queryOptions({
    queryKey: ["ingest", "edi-partners", partnerId, "interchanges"],
    queryFn: ({ signal }) =>
      api("GET", `/api/v1/edi/partners/${encodeURIComponent(partnerId)}/interchanges`, {
        query: { limit: "10" },
        schema: z.object({ data: z.array(ReceivedInterchange), next_cursor: z.string().nullable() }),
        signal,
      }),
    refetchInterval: 5_000,
  });

/** Adds a trading partner; answers with its source, as the sources list shows it. */
export async function createEdiPartner(input: TradingPartnerInput): Promise<Source> {
  const partner = await api("POST", "/api/v1/edi/partners", { json: input, schema: TradingPartner });
  return api("GET", `/api/v1/ingest/sources/${encodeURIComponent(partner.source_id)}`, { schema: Source });
}

/** Changes a trading partner's settings; answers with the partner as changed. */
export function updateEdiPartner(partnerId: string, update: TradingPartnerUpdate): Promise<TradingPartner> {
  return api("PATCH", `/api/v1/edi/partners/${encodeURIComponent(partnerId)}`, { json: update, schema: TradingPartner });
}
