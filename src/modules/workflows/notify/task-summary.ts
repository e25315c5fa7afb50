/** A task as announcements carry it: enough to act on, with a link to the console. */
export type TaskSummary = {
  id: string;
  title: string;
  summary: string;
  assignee: { type: string; id: string };
  due_at: string | null;
  escalation_level: number;
  run_id: string | null;
  flow: string | null;
  money: { amount_minor: number; currency: string } | null;
  link: string | null;
};
