-- The journal (issue 13): who did what to a school's accounts and codes, when, from where. Rows are only ever
-- added: the triggers below refuse any change or removal, whoever asks.
create table audit_event (
    id         bigint        not null auto_increment primary key,
    at         datetime(6)   not null,
    -- the back-office user's username; null for Rentrée's own work (a scheduled import, a campaign's job)
    actor      varchar(100)  null,
    -- the client's address when the action came from a screen
    address    varchar(45)   null,
    school_uai char(8)       null,
    action     varchar(30)   not null,
    -- what it was done to, in words: a login, the files of an import, a print's selection
    subject    varchar(500)  null,
    index ix_audit_event_school (school_uai, at),
    index ix_audit_event_at (at)
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create trigger audit_event_append_only_update before update on audit_event for each row
    signal sqlstate '45000' set message_text = 'audit_event is append-only';

create trigger audit_event_append_only_delete before delete on audit_event for each row
    signal sqlstate '45000' set message_text = 'audit_event is append-only';
