-- Account holders activate their accounts on the public pages (issue 12).

-- When the code was issued (it expires), the password the holder chose (bcrypt), and when they accepted the charter.
alter table account
    add column code_issued_at      datetime(6) null after activation_code,
    add column password_hash       varchar(100) null after activated_at,
    add column charter_accepted_at datetime(6) null after password_hash;
update account set code_issued_at = created_at where activation_code is not null;

-- A parent's word that a child named on their account is not theirs: for the director to look into.
create table guardian_report (
    id          bigint      not null auto_increment primary key,
    parent_id   bigint      not null,
    child_id    bigint      not null,
    reported_at datetime(6) not null,
    handled_at  datetime(6) null,
    handled_by  varchar(100) null,
    constraint uk_guardian_report unique (parent_id, child_id),
    constraint fk_guardian_report_parent foreign key (parent_id) references account (id),
    constraint fk_guardian_report_child foreign key (child_id) references account (id)
);

-- Guessing at the public pages: failures counted per login and per client address, then a lock.
create table holder_guard (
    kind            varchar(10)  not null,
    guard_key       varchar(100) not null,
    failures        int          not null,
    last_failure_at datetime(6)  not null,
    -- null: open; a login stays locked until the school unlocks it, an address until this time
    locked_until    datetime(6)  null,
    primary key (kind, guard_key),
    constraint ck_holder_guard_kind check (kind in ('LOGIN', 'ADDRESS'))
);

-- Every refused attempt and every lock at the public pages, never updated.
create table holder_attempt (
    id          bigint       not null auto_increment primary key,
    at          datetime(6)  not null,
    login       varchar(100) not null,
    address     varchar(45)  not null,
    outcome     varchar(20)  not null,
    index ix_holder_attempt_login (login, at)
);
