-- The inbox reads each of the caller's identities' open tasks newest first, a page at most of
-- each (tasks/list-tasks.ts): the index carries the id order, so the work is bounded by the page
-- however the open tasks are spread, rather than left to the planner's guess of how many match
-- (without fresh statistics it read every open task of a busy role, then sorted them).
drop index workflows.tasks_assignee;
create index tasks_assignee on workflows.tasks (tenant_id, assignee_type, assignee_id, id desc) where status = 'open';
