import { z } from "zod";

/** Someone in the tenant, as a colleague sees them when picking who a task or a delegation goes to. */
export const Person = z.object({
  id: z.string().describe("The user's id (`usr_…`): what delegations, queues and task assignees name"),
  name: z.string(),
  email: z.string(),
  roles: z.array(z.string()).describe("The roles the user holds, e.g. `csr`, `buyer`"),
});
export type Person = z.infer<typeof Person>;

/** At most this many ids in one look-up, as many as a page holds. */
export const PEOPLE_PAGE_MAX = 200;

export const PeopleQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe("Only people a word of whose name, or whose email, starts with this, ignoring case"),
  role: z.string().min(1).max(100).optional().describe("Only people who hold this role"),
  id: z
    .string()
    .max(PEOPLE_PAGE_MAX * 40)
    .refine((ids) => ids.split(",").length <= PEOPLE_PAGE_MAX, `at most ${PEOPLE_PAGE_MAX} ids`)
    .optional()
    .describe("Only these people: one user id or several, comma-separated; ids of no active person are left out"),
  cursor: z.string().max(1000).optional().describe("`next_cursor` from the previous page"),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(PEOPLE_PAGE_MAX)
    .default(100)
    .describe(`At most this many (1–${PEOPLE_PAGE_MAX}, default 100)`),
});
export type PeopleQuery = z.infer<typeof PeopleQuery>;

/** A page of the directory; `next_cursor` says more people match, and continues the listing. */
export const PeoplePage = z.object({
  data: z.array(Person),
  next_cursor: z.string().nullable().describe("Pass as `cursor` for the next page; null when this page is the last"),
});
export type PeoplePage = z.infer<typeof PeoplePage>;
