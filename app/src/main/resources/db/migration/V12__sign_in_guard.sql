-- Back-office sign-in resists guessing (issue 13): failures are counted per username and per client address, spaced
-- out, then locked for a while; every sign-in, failure, refusal and lockout is recorded.

-- The running count of failures of a username (as typed, lower case) or of a client address, and its lock.
create table sign_in_guard (
    kind            varchar(10)  not null,
    guard_key       varchar(100) not null,
    failures        int          not null,
    last_failure_at datetime(6)  not null,
    -- null: open; otherwise refused until this time, even with the right password
    locked_until    datetime(6)  null,
    primary key (kind, guard_key),
    constraint ck_sign_in_guard_kind check (kind in ('USERNAME', 'ADDRESS'))
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- Every attempt at the back-office sign-in and every lockout, never updated: what the audit log reads.
create table sign_in_attempt (
    id       bigint       not null auto_increment primary key,
    at       datetime(6)  not null,
    -- as typed (cut at 100 characters): a wrong username is kept too, it tells what was tried
    username varchar(100) not null,
    -- the client's address, as the trusted proxy forwarded it
    address  varchar(45)  not null,
    outcome  varchar(20)  not null,
    index ix_sign_in_attempt_username (username, at),
    index ix_sign_in_attempt_at (at),
    constraint ck_sign_in_attempt_outcome check (outcome in
        ('SUCCESS', 'FAILURE', 'THROTTLED', 'LOCKED', 'ADDRESS_LOCKED', 'LOCKOUT_USERNAME', 'LOCKOUT_ADDRESS'))
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;
