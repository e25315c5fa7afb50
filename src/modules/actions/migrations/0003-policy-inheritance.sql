-- A tenant going back to its partner's (or Crossdock's) defaults is a version of its own set too, so
-- the versions list and the audit trail show when and by whom: `inherits`, with no text or data.
-- The tenant's own set is in force when its latest version does not inherit.
alter table actions.policy_sets add column inherits boolean not null default false;
alter table actions.policy_sets alter column text drop not null;
alter table actions.policy_sets alter column data drop not null;
alter table actions.policy_sets add constraint policy_sets_inherits_without_policies
  check (inherits = (text is null) and inherits = (data is null));
