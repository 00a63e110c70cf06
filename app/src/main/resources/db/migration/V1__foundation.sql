-- Foundation: schools (the directory issue completes them), back-office users, school campaigns and the
-- mirror of the engine's job-based user tasks.

create table school (
    uai           char(8)      not null primary key,
    name          varchar(200) not null,
    contact_email varchar(254)
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table back_office_user (
    id            bigint       not null auto_increment primary key,
    username      varchar(100) not null,
    password_hash varchar(100) not null,
    display_name  varchar(200) not null,
    role          varchar(20)  not null,
    enabled       boolean      not null default true,
    constraint uk_back_office_user_username unique (username),
    constraint ck_back_office_user_role check (role in ('DIRECTOR', 'DISTRICT_STAFF'))
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- the schools a director runs (usually one, sometimes a few)
create table back_office_user_school (
    back_office_user bigint  not null,
    school_uai       char(8) not null,
    primary key (back_office_user, school_uai),
    constraint fk_bous_user foreign key (back_office_user) references back_office_user (id) on delete cascade,
    constraint fk_bous_school foreign key (school_uai) references school (uai)
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table campaign (
    id                    bigint       not null auto_increment primary key,
    school_uai            char(8)      not null,
    state                 varchar(30)  not null,
    profiles              varchar(200),
    activation            varchar(20),
    process_instance_key  bigint,
    created_at            datetime(6)  not null,
    created_by            varchar(100) not null,
    selection_recorded_at datetime(6),
    version               int          not null default 0,
    constraint fk_campaign_school foreign key (school_uai) references school (uai),
    index ix_campaign_school (school_uai, created_at)
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table human_task (
    id                   bigint       not null auto_increment primary key,
    job_key              bigint       not null,
    process_instance_key bigint       not null,
    element_id           varchar(100) not null,
    form_key             varchar(100) not null,
    candidate_group      varchar(100),
    school_uai           char(8),
    campaign_id          bigint,
    state                varchar(20)  not null,
    created_at           datetime(6)  not null,
    state_changed_at     datetime(6)  not null,
    completed_by         varchar(100),
    version              int          not null default 0,
    constraint uk_human_task_job unique (job_key),
    index ix_human_task_inbox (state, school_uai, candidate_group)
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;
