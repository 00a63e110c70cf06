-- District campaigns (issue 21): district staff open the rentrée of many schools at once, with one deadline, target,
-- cadence and escalation delay. Its process (district-campaign.bpmn) starts one school campaign per school; the
-- schools it covers are listed here in launch order (the engine's multi-instance reads the school at its index, so
-- no list lives in a process variable).
create table district_campaign (
    id                  bigint       not null auto_increment primary key,
    district            varchar(100) not null,
    name                varchar(100) not null,
    school_year         int          not null,
    deadline            date         not null,
    target_percent      int          not null,
    cadence             varchar(30)  not null,
    escalation_delay    varchar(30)  not null,
    state               varchar(10)  not null,
    process_instance_id varchar(64),
    created_at          datetime(6)  not null,
    created_by          varchar(100) not null,
    finished_at         datetime(6),
    version             int          not null default 0,
    constraint ck_district_campaign_state check (state in ('RUNNING', 'FINISHED', 'CANCELLED')),
    constraint uk_district_campaign_process unique (process_instance_id),
    -- a double click, or two colleagues, launch one campaign of a name in a district and year
    constraint uk_district_campaign_name unique (district, school_year, name),
    index ix_district_campaign_district (district, created_at)
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- One line per school of the district campaign: its place in the launch (the multi-instance's loop counter), and
-- once its start job ran, the school campaign it drives, or the open one it adopted.
create table district_campaign_school (
    district_campaign_id bigint      not null,
    position             int         not null,
    school_uai           char(8)     not null,
    campaign_id          bigint,
    adopted              boolean     not null default false,
    primary key (district_campaign_id, position),
    constraint uk_district_campaign_school unique (district_campaign_id, school_uai),
    constraint fk_district_campaign_school_campaign foreign key (district_campaign_id) references district_campaign (id),
    constraint fk_district_campaign_school_campaign_row foreign key (campaign_id) references campaign (id),
    -- a school in a district campaign has a history: it cannot be removed (SchoolInUse)
    constraint fk_district_campaign_school_school foreign key (school_uai) references school (uai),
    index ix_district_campaign_school_campaign (campaign_id)
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- A school campaign started (or adopted) by a district campaign.
alter table campaign
    add column district_campaign_id bigint null after school_uai,
    add constraint fk_campaign_district_campaign foreign key (district_campaign_id) references district_campaign (id);
