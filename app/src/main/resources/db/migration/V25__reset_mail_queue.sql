-- "Mot de passe oublié" answers in the same time whether an account matched or not: the request only queues the
-- e-mail here, and a background sender issues the link and sends it (its token is made then, and only its hash kept,
-- as before: this table holds no secret). Each e-mail is tracked as campaign e-mails are: the server's answer, or
-- how many times the server could not be reached.
create table reset_mail (
    id          bigint        not null auto_increment primary key,
    account_id  bigint        not null,
    locale      varchar(20)   not null,
    status      varchar(10)   not null,
    attempts    int           not null default 0,
    reply       varchar(1000) null,
    created_at  datetime(6)   not null,
    claim_id    char(36)      null,
    claimed_at  datetime(6)   null,
    done_at     datetime(6)   null,
    constraint fk_reset_mail_account foreign key (account_id) references account (id) on delete cascade,
    constraint ck_reset_mail_status check (status in ('PENDING', 'SENDING', 'SENT', 'REJECTED', 'FAILED'))
);

create index ix_reset_mail_status on reset_mail (status, id);
