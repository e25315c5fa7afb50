import { sql } from "drizzle-orm";
import type { Tx } from "../../../platform/db/database.ts";
import { rows } from "../../../platform/db/tenant-scope.ts";
import type { Assignee } from "../contract/index.ts";

/** Someone a person may act as: themself, or a colleague who delegated to them for now. */
export type Identity = { userId: string; label: string; roles: string[]; onBehalfOf: string | null };

/** The person deciding: who they are and which roles they hold. */
export type Decider = { userId: string; label: string; roles: string[] };

/** The people of the tenant, as the tenancy module knows them (this module keeps no users of its own). */
export type Directory = {
  users(tenantId: string): Promise<{ id: string; email: string; name: string; roles: string[]; status: string }[]>;
};

/** The caller, and the people who have delegated to them and whose delegation runs now. */
export async function identitiesOf(
  tx: Tx,
  args: { tenantId: string; decider: Decider; now: Date; directory: Directory },
): Promise<Identity[]> {
  const { decider, now } = args;
  const delegations = await rows<{ user_id: string }>(
    tx,
    sql`select user_id from workflows.delegations
         where delegate_user_id = ${decider.userId} and revoked_at is null
           and starts_at <= ${now.toISOString()} and ends_at > ${now.toISOString()}`,
  );
  const self: Identity = { userId: decider.userId, label: decider.label, roles: decider.roles, onBehalfOf: null };
  if (delegations.length === 0) return [self];
  const people = new Map((await args.directory.users(args.tenantId)).map((user) => [user.id, user]));
  const delegators = delegations
    .map((row) => people.get(row.user_id))
    .filter((user) => user !== undefined && user.status === "active") as { id: string; email: string; roles: string[] }[];
  return [
    self,
    ...delegators.map((user) => ({ userId: user.id, label: decider.label, roles: user.roles, onBehalfOf: user.email })),
  ];
}

export type QueueMembers = Map<string, { roles: string[]; userIds: string[] }>;

export async function loadQueues(tx: Tx): Promise<QueueMembers> {
  const found = await rows<{ name: string; roles: string[]; user_ids: string[] }>(
    tx,
    sql`select name, roles, user_ids from workflows.queues`,
  );
  return new Map(found.map((row) => [row.name, { roles: row.roles, userIds: row.user_ids }]));
}

/** Whether `identity` is among those a task waits for. */
export function covers(assignee: Assignee, identity: Identity, queues: QueueMembers): boolean {
  switch (assignee.type) {
    case "user":
      return assignee.id === identity.userId;
    case "role":
      return identity.roles.includes(assignee.id);
    case "queue": {
      const queue = queues.get(assignee.id);
      return Boolean(
        queue && (queue.userIds.includes(identity.userId) || queue.roles.some((role) => identity.roles.includes(role))),
      );
    }
  }
}

/**
 * Whether `identity` may decide a task: among its assignees (or a task administrator, who may step
 * in anywhere), and holding one of the task's allowed roles if it names any.
 */
export function mayDecide(
  task: { assignee: Assignee; allowed_roles: string[] },
  identity: Identity,
  queues: QueueMembers,
  options: { taskAdmin: boolean },
): boolean {
  if (!options.taskAdmin && !covers(task.assignee, identity, queues)) return false;
  return task.allowed_roles.length === 0 || task.allowed_roles.some((role) => identity.roles.includes(role));
}
