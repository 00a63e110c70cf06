-- Activated / not activated accounts per school and profile, kept by every write to the accounts (DirectoryService
-- recounts the schools it touched, in the same transaction): a district's statistics read a few thousand rows
-- instead of counting a million accounts.
create table account_tally (
    school_uai    char(8)     not null,
    profile       varchar(10) not null,
    activated     int         not null,
    not_activated int         not null,
    primary key (school_uai, profile),
    constraint fk_account_tally_school foreign key (school_uai) references school (uai)
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;

insert into account_tally (school_uai, profile, activated, not_activated)
select school_uai, profile, count(activated_at), count(*) - count(activated_at)
from account where state = 'ACTIVE' group by school_uai, profile;
