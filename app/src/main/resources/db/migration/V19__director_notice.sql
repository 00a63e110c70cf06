-- The e-mails a district campaign sends a school's directors: that it launched their school's campaign, and once,
-- that a step waited past the escalation delay. Tracked as campaign e-mails are (PENDING -> SENT or REJECTED, each
-- outcome committed as the server answered): a step run again sends only what is still pending, and a director is
-- told each thing once (the unique key).
create table director_notice (
    id          bigint       not null auto_increment primary key,
    campaign_id bigint       not null,
    kind        varchar(10)  not null,
    step        varchar(50)  not null default '',
    username    varchar(100) not null,
    email       varchar(254) not null,
    status      varchar(10)  not null default 'PENDING',
    reply       varchar(1000),
    message_id  varchar(200),
    created_at  datetime(6)  not null,
    done_at     datetime(6),
    constraint uk_director_notice unique (campaign_id, kind, step, username),
    constraint fk_director_notice_campaign foreign key (campaign_id) references campaign (id),
    constraint ck_director_notice_kind check (kind in ('LAUNCHED', 'LATE')),
    constraint ck_director_notice_status check (status in ('PENDING', 'SENT', 'REJECTED'))
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;
