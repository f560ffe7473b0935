-- The last run of each recurring job, so readiness checks and operators can see the schedule is alive.
create table passage_job_heartbeats (
  name text primary key,
  last_run_at timestamptz not null
);
grant select on passage_job_heartbeats to passage_app;
grant select, insert, update on passage_job_heartbeats to passage_system;
