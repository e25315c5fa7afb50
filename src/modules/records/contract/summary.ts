import { z } from "zod";

/** `GET /api/v1/records`: every record type with how many records the tenant holds of it. */
export const RecordsSummary = z.object({
  data: z.array(
    z.object({
      type: z.string(),
      path: z.string(),
      plural: z.string(),
      title: z.string(),
      count: z.number().int(),
      last_updated_at: z.string().nullable(),
    }),
  ),
});
export type RecordsSummary = z.infer<typeof RecordsSummary>;
