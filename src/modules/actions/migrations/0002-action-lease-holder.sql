-- Which process holds an executing action: `<executor id>#<incarnation>`. A restarted process (same
-- executor id, new incarnation) takes over its predecessor's actions at once instead of waiting for
-- their lease to run out; another live process's hold is respected until it does.
alter table actions.actions add column lease_holder text;
