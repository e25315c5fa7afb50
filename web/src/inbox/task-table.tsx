import { Link } from "@tanstack/react-router";
import type { Task } from "../contract.ts";
import { formatMoney } from "../format/format.ts";
import { Badge } from "../ui/badge.tsx";
import { TimeAgo } from "../ui/time-ago.tsx";
import { AssigneeName } from "./reassign-task.tsx";
import { flowLabel, isOverdue } from "./task-labels.ts";

const STATUS_TONE = {
  open: "info",
  approved: "good",
  decided: "good",
  rejected: "bad",
  cancelled: "neutral",
  expired: "warn",
} as const;

/** Tasks as rows, selectable for a bulk decision. */
export function TaskTable({
  tasks,
  selected,
  onSelect,
}: {
  tasks: readonly Task[];
  selected: ReadonlySet<string>;
  onSelect: (ids: Set<string>) => void;
}) {
  const open = tasks.filter((task) => task.status === "open");
  const allSelected = open.length > 0 && open.every((task) => selected.has(task.id));
  return (
    <div className="table-wrap">
      <table className="table" data-testid="task-table">
        <thead>
          <tr>
            <th scope="col">
              <input
                type="checkbox"
                aria-label="Select every open task"
                checked={allSelected}
                disabled={open.length === 0}
                onChange={(event) => onSelect(new Set(event.target.checked ? open.map((task) => task.id) : []))}
              />
            </th>
            <th scope="col">Task</th>
            <th scope="col">Flow</th>
            <th scope="col">For</th>
            <th scope="col" className="num">
              At stake
            </th>
            <th scope="col">Due</th>
            <th scope="col">Status</th>
            <th scope="col">Opened</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <tr key={task.id}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Select ${task.title}`}
                  disabled={task.status !== "open"}
                  checked={selected.has(task.id)}
                  onChange={(event) => {
                    const next = new Set(selected);
                    if (event.target.checked) next.add(task.id);
                    else next.delete(task.id);
                    onSelect(next);
                  }}
                />
              </td>
              <td className="wrap">
                <Link to="/inbox/$taskId" params={{ taskId: task.id }} className="table__primary-link">
                  {task.title}
                </Link>
                {task.kind === "review" ? <Badge tone="warn">review</Badge> : null}
                <div className="muted small clamp">{task.summary}</div>
              </td>
              <td>{flowLabel(task.flow)}</td>
              <td>
                <AssigneeName assignee={task.assignee} />
                {task.escalation_level > 0 ? <Badge tone="warn">escalated ×{task.escalation_level}</Badge> : null}
              </td>
              <td className="num">
                {task.context.money
                  ? formatMoney((task.context.money.amount_minor / 100).toFixed(2), task.context.money.currency)
                  : "—"}
              </td>
              <td>
                {task.due_at ? (
                  <span className={isOverdue(task) ? "overdue" : undefined}>
                    <TimeAgo value={task.due_at} />
                  </span>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td>
                <Badge tone={STATUS_TONE[task.status]}>{task.status}</Badge>
                {task.required_approvals > 1 ? (
                  <span className="muted small">
                    {" "}
                    {task.approvals.length}/{task.required_approvals}
                  </span>
                ) : null}
              </td>
              <td>
                <TimeAgo value={task.created_at} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
