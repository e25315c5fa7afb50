import { createHmac } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database, Tx } from "../../../platform/db/database.ts";
import { rows, withSystem, withTenant } from "../../../platform/db/tenant-scope.ts";
import { newId } from "../../../platform/ids.ts";
import type { Logger } from "../../../platform/logger.ts";
import type { Mailer } from "../../../platform/mail/mailer.ts";
import type { Directory } from "../tasks/eligibility.ts";
import { taskEmail } from "./task-email.ts";
import type { TaskSummary } from "./task-summary.ts";

type NotificationEvent = "task.created" | "task.escalated";

export type Notifier = {
  /** A task was opened or handed to someone new: tell its assignees. In the caller's transaction. */
  taskOpened(tx: Tx, args: { tenantId: string; taskId: string; now: Date }): Promise<void>;
  taskEscalated(tx: Tx, args: { tenantId: string; taskId: string; now: Date }): Promise<void>;
  /** Sends what is due; the sweeper calls it. Returns how many it tried. */
  deliverDue(now: Date): Promise<number>;
};

export const MAX_ATTEMPTS = 10;
/** The notifications due to be sent (the sweeper asks before it sends). */
export const dueNotifications = (now: Date) =>
  sql`select 1 from workflows.notifications where status = 'pending' and next_attempt_at <= ${now.toISOString()}`;

const LEASE_SECONDS = 120;
/** Claimed per sweep, and sent this many at a time. */
const BATCH = 100;
const PARALLEL_SENDS = 4;
/** 30 s, 1 min, 2 min, … up to an hour between attempts. */
const backoffSeconds = (attempts: number) => Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));

type Pending = {
  tenant_id: string;
  id: string;
  channel: "email" | "webhook";
  target: string;
  event: NotificationEvent;
  payload: { task: TaskSummary };
  attempts: number;
};

/**
 * Announces tasks by email (to the people the task is for) and to the tenant's webhook. Each
 * announcement is a row written with the change that caused it, then sent by the sweeper with
 * retries and backoff; one that keeps failing ends `failed` with its last error, never silently.
 */
export function createNotifier(deps: {
  db: Database;
  mailer: Mailer;
  directory: Directory;
  logger: Logger;
  /** Where people open the console, for links; null when unknown (read when a task is announced). */
  consoleUrl: () => string | null;
  /** The product name and sender name a tenant's emails use. */
  brand: (tenantId: string) => Promise<{ productName: string; fromName: string }>;
}): Notifier {
  async function enqueue(tx: Tx, event: NotificationEvent, args: { tenantId: string; taskId: string; now: Date }) {
    const [settings] = await rows<{ email: boolean; webhook_url: string | null }>(
      tx,
      sql`select email, webhook_url from workflows.notification_settings`,
    );
    const [task] = await rows<{
      title: string;
      summary: string;
      assignee_type: string;
      assignee_id: string;
      due_at: string | null;
      escalation_level: number;
      run_id: string | null;
      flow: string | null;
      money: TaskSummary["money"];
    }>(
      tx,
      sql`select title, summary, assignee_type, assignee_id, due_at, escalation_level, run_id, flow, context->'money' as money
            from workflows.tasks where id = ${args.taskId}`,
    );
    if (!task) return;
    const summary: TaskSummary = {
      id: args.taskId,
      title: task.title,
      summary: task.summary,
      assignee: { type: task.assignee_type, id: task.assignee_id },
      due_at: task.due_at ? new Date(task.due_at).toISOString() : null,
      escalation_level: task.escalation_level,
      run_id: task.run_id,
      flow: task.flow,
      money: task.money ?? null,
      link: deps.consoleUrl() ? `${deps.consoleUrl()}/inbox/${args.taskId}` : null,
    };
    const channels: { channel: "email" | "webhook"; target: string }[] = [];
    if ((settings?.email ?? true) && deps.mailer.configured)
      channels.push({ channel: "email", target: `${task.assignee_type}:${task.assignee_id}` });
    if (settings?.webhook_url) channels.push({ channel: "webhook", target: settings.webhook_url });
    for (const { channel, target } of channels) {
      await tx.execute(sql`
        insert into workflows.notifications (tenant_id, id, task_id, channel, target, event, payload, status, next_attempt_at, created_at)
        values (${args.tenantId}, ${newId("ntf")}, ${args.taskId}, ${channel}, ${target}, ${event},
                ${JSON.stringify({ task: summary })}::jsonb, 'pending', ${args.now.toISOString()}, ${args.now.toISOString()})`);
    }
  }

  /**
   * What sending needs to look up about a tenant, looked up once per pass: a backlog of a thousand
   * emails to one tenant's buyers reads its people, branding and webhook secret once, not a thousand times.
   */
  function lookupsForOnePass() {
    const once = <T>(load: (tenantId: string, key: string) => Promise<T>) => {
      const found = new Map<string, Promise<T>>();
      return (tenantId: string, key = "") => {
        const at = `${tenantId}\u0000${key}`;
        let value = found.get(at);
        if (!value) {
          value = load(tenantId, key);
          // A failed lookup is not kept: the next notification of the pass tries again.
          value.catch(() => found.delete(at));
          found.set(at, value);
        }
        return value;
      };
    };
    return {
      activeUsers: once(async (tenantId) => (await deps.directory.users(tenantId)).filter((user) => user.status === "active")),
      brand: once((tenantId) => deps.brand(tenantId)),
      queue: once(async (tenantId, name) => {
        const [queue] = await withTenant(deps.db, tenantId, (tx) =>
          rows<{ roles: string[]; user_ids: string[] }>(
            tx,
            sql`select roles, user_ids from workflows.queues where name = ${name}`,
          ),
        );
        return queue;
      }),
      webhookSecret: once(async (tenantId) => {
        const [settings] = await withTenant(deps.db, tenantId, (tx) =>
          rows<{ webhook_secret: string | null }>(tx, sql`select webhook_secret from workflows.notification_settings`),
        );
        return settings?.webhook_secret ?? null;
      }),
    };
  }
  type Lookups = ReturnType<typeof lookupsForOnePass>;

  async function recipients(lookups: Lookups, tenantId: string, target: string): Promise<string[]> {
    const [type, id] = target.split(":", 2) as [string, string];
    const users = await lookups.activeUsers(tenantId);
    if (type === "user") return users.filter((user) => user.id === id).map((user) => user.email);
    if (type === "role") return users.filter((user) => user.roles.includes(id)).map((user) => user.email);
    const queue = await lookups.queue(tenantId, id);
    if (!queue) return [];
    return users
      .filter((user) => queue.user_ids.includes(user.id) || user.roles.some((role) => queue.roles.includes(role)))
      .map((user) => user.email);
  }

  async function send(lookups: Lookups, notification: Pending): Promise<void> {
    if (notification.channel === "email") {
      const to = await recipients(lookups, notification.tenant_id, notification.target);
      if (to.length === 0) throw new Error(`Nobody holds ${notification.target} to receive it`);
      const brand = await lookups.brand(notification.tenant_id);
      const email = taskEmail(notification.event, notification.payload.task, brand.productName);
      for (const address of to) {
        const delivery = await deps.mailer.send({ to: address, fromName: brand.fromName, ...email });
        if (delivery.status !== "sent") throw new Error(delivery.error);
      }
      return;
    }
    const secret = await lookups.webhookSecret(notification.tenant_id);
    const body = JSON.stringify({
      id: notification.id,
      event: notification.event,
      tenant_id: notification.tenant_id,
      ...notification.payload,
    });
    const timestamp = Math.floor(Date.now() / 1000).toString();
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "x-crossdock-event": notification.event,
      "x-crossdock-delivery": notification.id,
      "x-crossdock-timestamp": timestamp,
    };
    if (secret) {
      headers["x-crossdock-signature"] = `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
    }
    const response = await fetch(notification.target, { method: "POST", headers, body, signal: AbortSignal.timeout(10_000) });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`The webhook answered ${response.status}`);
  }

  async function deliver(lookups: Lookups, notification: Pending, now: Date): Promise<void> {
    try {
      await send(lookups, notification);
      await withSystem(deps.db, (tx) =>
        tx.execute(
          sql`update workflows.notifications set status = 'sent', sent_at = ${now.toISOString()}, last_error = null where id = ${notification.id}`,
        ),
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const failed = notification.attempts >= MAX_ATTEMPTS;
      const next = new Date(now.getTime() + backoffSeconds(notification.attempts) * 1000).toISOString();
      deps.logger.warn(
        { notification: notification.id, attempts: notification.attempts, error: message },
        "a task notification was not delivered",
      );
      await withSystem(deps.db, (tx) =>
        tx.execute(sql`update workflows.notifications
                          set status = ${failed ? "failed" : "pending"}, last_error = ${message}, next_attempt_at = ${next}
                        where id = ${notification.id}`),
      );
    }
  }

  return {
    taskOpened: (tx, args) => enqueue(tx, "task.created", args),
    taskEscalated: (tx, args) => enqueue(tx, "task.escalated", args),
    async deliverDue(now) {
      // Claimed with a lease and committed before anything is sent: no transaction stays open
      // across a network call, and a process that dies mid-send leaves the row to be retried.
      const due = await withSystem(deps.db, (tx) =>
        rows<Pending>(
          tx,
          sql`update workflows.notifications n
                 set attempts = n.attempts + 1, next_attempt_at = ${new Date(now.getTime() + LEASE_SECONDS * 1000).toISOString()}
               where n.id in (select id from workflows.notifications where status = 'pending' and next_attempt_at <= ${now.toISOString()}
                               order by next_attempt_at limit ${BATCH} for update skip locked)
           returning n.tenant_id, n.id, n.channel, n.target, n.event, n.payload, n.attempts`,
        ),
      );
      // A few at once: a backlog (a thousand approvals opened in a minute) drains in seconds, not minutes.
      const lookups = lookupsForOnePass();
      let next = 0;
      await Promise.all(
        Array.from({ length: Math.min(PARALLEL_SENDS, due.length) }, async () => {
          for (let at = next++; at < due.length; at = next++) await deliver(lookups, due[at] as Pending, now);
        }),
      );
      return due.length;
    },
  };
}
