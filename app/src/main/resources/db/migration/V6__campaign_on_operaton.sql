-- Campaigns run on the embedded Operaton engine (V5): the inbox is the engine's own user tasks, so the mirror of
-- the remote engine's job-based tasks goes; a campaign keeps its engine process instance id (a UUID string), the
-- moments its steps were done (a step the engine runs twice finds them) and the progress counted at its end.
drop table human_task;

alter table campaign
    drop column process_instance_key,
    add column process_instance_id    varchar(64) after activation,
    add column selection_confirmed_at datetime(6) after selection_recorded_at,
    add column progress_checked_at    datetime(6) after selection_confirmed_at,
    add column accounts_selected      bigint after progress_checked_at,
    add column accounts_activated     bigint after accounts_selected,
    add constraint uk_campaign_process unique (process_instance_id);

update campaign set state = 'RUNNING' where state = 'SELECTION_RECORDED';
