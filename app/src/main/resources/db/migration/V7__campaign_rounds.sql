-- The whole school campaign (seeds 000, 001, 002): what the director launched (name, deadline, target, cadence),
-- the full filters of the selection, the distribution chosen at verification; then its rounds (the distribution,
-- then the reminders), each with its frozen list of recipients: one delivery row per sheet or e-mail, which is what
-- makes printing and sending safe to run again; the piles handed out; the progress counted at each cadence.
alter table campaign
    add column name               varchar(100) not null default 'Rentrée' after school_uai,
    add column school_year        int after name,
    add column deadline           date after school_year,
    add column target_percent     int          not null default 90 after deadline,
    add column cadence            varchar(30)  not null default 'P7D' after target_percent,
    add column classes            varchar(2000) after activation,
    add column email_filter       varchar(15) after classes,
    add column local_admins       varchar(10) after email_filter,
    add column created_since      date after local_admins,
    add column created_before     date after created_since,
    add column with_pre_deletion  boolean      not null default false after created_before,
    add column distribution_order varchar(20) after with_pre_deletion,
    add column parent_placement   varchar(30) after distribution_order,
    add column sheet_layout       varchar(20) after parent_placement,
    add column mode               varchar(20) after sheet_layout,
    add column finished_at        datetime(6) after accounts_activated,
    drop column selection_confirmed_at,
    add index ix_campaign_school_year (school_uai, school_year, state);

update campaign set school_year = if(month(created_at) >= 8, year(created_at), year(created_at) - 1),
                    email_filter = 'ALL', local_admins = 'ALL';
alter table campaign modify school_year int not null;

-- number 1 is the distribution, 2 and after the reminders
create table campaign_round (
    id                  bigint      not null auto_increment primary key,
    campaign_id         bigint      not null,
    number              int         not null,
    created_at          datetime(6) not null,
    mails               int         not null,
    sheets              int         not null,
    mails_done_at       datetime(6),
    sheets_file         varchar(500),
    sheets_printed      int         not null default 0,
    sheets_generated_at datetime(6),
    sheets_deleted_at   datetime(6),
    handed_out_at       datetime(6),
    version             int         not null default 0,
    constraint uk_campaign_round unique (campaign_id, number),
    constraint fk_campaign_round_campaign foreign key (campaign_id) references campaign (id)
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- the frozen list of a round, in distribution order; an e-mail's row goes PENDING -> SENT, REJECTED (refused at
-- submission) or BOUNCED (a delivery status notification came back), a sheet's PENDING -> PRINTED
create table delivery (
    id          bigint       not null auto_increment primary key,
    round_id    bigint       not null,
    position    int          not null,
    account_id  bigint       not null,
    channel     varchar(5)   not null,
    pile_kind   varchar(15)  not null,
    pile_name   varchar(100),
    email       varchar(254),
    status      varchar(10)  not null,
    reply       varchar(1000),
    message_id  varchar(200),
    done_at     datetime(6),
    constraint uk_delivery_position unique (round_id, position),
    constraint fk_delivery_round foreign key (round_id) references campaign_round (id),
    constraint ck_delivery_channel check (channel in ('MAIL', 'PAPER')),
    constraint ck_delivery_status check (status in ('PENDING', 'SENT', 'REJECTED', 'BOUNCED', 'PRINTED')),
    index ix_delivery_work (round_id, channel, status, position),
    index ix_delivery_message (message_id)
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table handed_out_pile (
    round_id      bigint       not null,
    pile_kind     varchar(15)  not null,
    pile_name     varchar(100) not null default '',
    handed_out_by varchar(100) not null,
    handed_out_at datetime(6)  not null,
    primary key (round_id, pile_kind, pile_name),
    constraint fk_handed_out_round foreign key (round_id) references campaign_round (id)
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- each download of a round's sheets: who took activation codes, when
create table sheets_download (
    id            bigint       not null auto_increment primary key,
    round_id      bigint       not null,
    pile_kind     varchar(15),
    pile_name     varchar(100),
    downloaded_by varchar(100) not null,
    downloaded_at datetime(6)  not null,
    constraint fk_sheets_download_round foreign key (round_id) references campaign_round (id)
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- the activation rate over time, counted at each cadence
create table campaign_progress (
    campaign_id bigint      not null,
    checked_at  datetime(6) not null,
    accounts    int         not null,
    activated   int         not null,
    primary key (campaign_id, checked_at),
    constraint fk_campaign_progress_campaign foreign key (campaign_id) references campaign (id)
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;
