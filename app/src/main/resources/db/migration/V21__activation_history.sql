-- Activation over time (issue 21, section 3). Each school's tallies (account_tally) are copied once a day, and again
-- at each count of its campaign, into one row per school and day: a day's copy replaces that day's earlier one. One
-- row per school and day, the profiles side by side, keeps a year of 3,000 schools near a million small rows, read by
-- (school, day). The district chart reads its own daily totals, a few hundred rows per campaign.
create table activation_snapshot (
    school_uai        char(8) not null,
    day               date    not null,
    activated         int     not null,
    accounts          int     not null,
    student_activated int     not null,
    student_accounts  int     not null,
    parent_activated  int     not null,
    parent_accounts   int     not null,
    teacher_activated int     not null,
    teacher_accounts  int     not null,
    staff_activated   int     not null,
    staff_accounts    int     not null,
    primary key (school_uai, day),
    constraint fk_activation_snapshot_school foreign key (school_uai) references school (uai)
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- A district campaign's activation at the end of each day it was open: its schools' sums.
create table district_campaign_progress (
    district_campaign_id bigint not null,
    day                  date   not null,
    activated            int    not null,
    accounts             int    not null,
    primary key (district_campaign_id, day),
    constraint fk_district_progress_campaign foreign key (district_campaign_id) references district_campaign (id)
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- The school's activation a week ago, for the dashboard's trend: the read model tracking joins by (school, day).
create view school_activation_history as
select school_uai, day, activated, accounts
from activation_snapshot;
