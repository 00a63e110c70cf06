-- The final report of a district campaign (issue 21), written once when it ends (its schools done, its deadline, or
-- stopped), kept here rather than in a folder: it holds counts only, every instance serves it, and it outlives
-- restarts and redeployments. One row per campaign: a retried step rewrites it (the primary key), never adds one.
create table district_report (
    district_campaign_id bigint      not null primary key,
    ending               varchar(15) not null,
    written_at           datetime(6) not null,
    pdf                  longblob    not null,
    csv                  longblob    not null,
    constraint fk_district_report_campaign foreign key (district_campaign_id) references district_campaign (id),
    constraint ck_district_report_ending check (ending in ('SCHOOLS_DONE', 'DEADLINE', 'STOPPED'))
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;
