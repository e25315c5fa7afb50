import { z } from "zod";

/** Someone in the tenant, as a colleague sees them when picking who a task or a delegation goes to. */
export const Person = z.object({
  id: z.string().describe("The user's id (`usr_…`): what delegations, queues and task assignees name"),
  name: z.string(),
  email: z.string(),
  roles: z.array(z.string()).describe("The roles the user holds, e.g. `csr`, `buyer`"),
});
export type Person = z.infer<typeof Person>;

export const PeopleQuery = z.object({
  q: z.string().trim().min(1).max(200).optional().describe("Only people whose name or email starts with this, ignoring case"),
  role: z.string().min(1).max(100).optional().describe("Only people who hold this role"),
  limit: z.coerce.number().int().min(1).max(200).default(100).describe("At most this many (1–200, default 100)"),
});
export type PeopleQuery = z.infer<typeof PeopleQuery>;
