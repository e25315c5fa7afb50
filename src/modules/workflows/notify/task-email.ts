import type { TaskSummary } from "./task-summary.ts";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const money = (value: TaskSummary["money"]) =>
  value ? `${(value.amount_minor / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })} ${value.currency}` : null;

/** The email telling people a task waits for them, or that one has been escalated to them. */
export function taskEmail(event: "task.created" | "task.escalated", task: TaskSummary, productName: string) {
  const escalated = event === "task.escalated";
  const subject = `${escalated ? "Escalated: " : ""}${task.title} — ${productName}`;
  const lines = [
    escalated
      ? `This task was not decided in time and has been escalated to ${task.assignee.type} ${task.assignee.id} (level ${task.escalation_level}).`
      : `A task waits for ${task.assignee.type} ${task.assignee.id}.`,
    "",
    task.title,
    task.summary,
    ...(money(task.money) ? [`At stake: ${money(task.money)}`] : []),
    ...(task.due_at ? [`Due: ${task.due_at}`] : []),
    "",
    task.link ? `Open it: ${task.link}` : `Open the inbox in ${productName}.`,
  ];
  const text = lines.join("\n");
  const html = `<p>${lines.map((line) => (line ? escapeHtml(line) : "")).join("<br>")}</p>${
    task.link ? `<p><a href="${escapeHtml(task.link)}">Open the task</a></p>` : ""
  }`;
  return { subject, text, html };
}
