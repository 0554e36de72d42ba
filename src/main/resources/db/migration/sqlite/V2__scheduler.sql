-- db-scheduler's table, in its SQLite form (db-scheduler 16.12, sqlite_tables.sql).
create table scheduled_tasks (
  task_name varchar(100),
  task_instance varchar(100),
  task_data blob,
  execution_time timestamp,
  picked bit,
  picked_by varchar(50),
  last_success timestamp,
  last_failure timestamp,
  consecutive_failures int,
  last_heartbeat timestamp,
  version bigint,
  priority smallint,
  primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
