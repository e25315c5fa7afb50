import type { Task } from "../contract.ts";
import { fieldLabel } from "../records/labels.ts";

/** "role operations_manager" → "Operations manager"; a user or queue by its id. */
export function assigneeLabel(assignee: Task["assignee"]): string {
  switch (assignee.type) {
    case "role":
      return fieldLabel(assignee.id);
    case "queue":
      return `Queue ${assignee.id}`;
    case "user":
      return assignee.id;
  }
}

export const flowLabel = (flow: string | null) => (flow ? fieldLabel(flow.replaceAll("-", "_")) : "—");

export function isOverdue(task: Pick<Task, "status" | "due_at">, now = Date.now()): boolean {
  return task.status === "open" && task.due_at !== null && new Date(task.due_at).getTime() < now;
}
