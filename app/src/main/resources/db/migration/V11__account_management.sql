-- Directors manage their school's accounts (issue 12, seed 004): what a hand-made account holds beyond an imported
-- one, the school's own identifier, and the login lock as the school sees it.
alter table account
    -- M or MME, asked when a director creates an account by hand (imports do not carry it)
    add column civility   varchar(3)   null after profile,
    -- the subject a teacher created by hand teaches
    add column discipline varchar(100) null after email,
    -- "ID ENT": a free identifier the school keeps for the account in another system
    add column ent_id     varchar(100) null after discipline,
    -- set when too many wrong codes locked the login, cleared when a director unlocks it
    add column locked_at  datetime(6)  null after activated_at,
    add constraint ck_account_civility check (civility in ('M', 'MME'));

-- the tables of the account holders' pages take the collation of the others, so that their logins compare with them
alter table guardian_report convert to character set utf8mb4 collate utf8mb4_unicode_ci;
alter table holder_guard convert to character set utf8mb4 collate utf8mb4_unicode_ci;
alter table holder_attempt convert to character set utf8mb4 collate utf8mb4_unicode_ci;
alter table password_reset convert to character set utf8mb4 collate utf8mb4_unicode_ci;

-- whoever was locked before this column existed stays locked, in the school's eyes too
update account a join holder_guard g on g.kind = 'LOGIN' and g.guard_key = a.login and g.locked_until is not null
set a.locked_at = g.last_failure_at;
