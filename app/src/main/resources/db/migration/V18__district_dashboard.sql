-- The district dashboard's read model (feature tracking): one line per school of a district campaign, joining what
-- the features keep (the school, the campaign followed there, the step it waits at, the activation tallies per
-- profile). tracking reads this view only, never the tables behind it; the features that own them change it here
-- when they change their tables. phase says where the school stands in words the dashboard filters on:
-- STARTING (its start job has not run), SELECT / VERIFY / HAND_OUT (waiting for its directors at that step),
-- WORKING (sending, printing, waiting for the next count), FINISHED, CANCELLED.
create view district_school_line as
select dcs.district_campaign_id,
       dcs.position,
       dcs.school_uai,
       s.name                                                      as school_name,
       s.kind                                                      as school_kind,
       s.commune,
       dcs.adopted,
       c.id                                                        as campaign_id,
       case
           when c.id is null then 'STARTING'
           when w.step = 'SelectRecipients' then 'SELECT'
           when w.step = 'VerifyRecipients' then 'VERIFY'
           when w.step = 'HandOutSheets' then 'HAND_OUT'
           when c.state = 'SELECTING' then 'SELECT'
           when c.state = 'RUNNING' then 'WORKING'
           else c.state
       end                                                         as phase,
       w.waiting_since,
       w.late_since,
       coalesce(t.activated, 0)                                    as activated,
       coalesce(t.accounts, 0)                                     as accounts,
       coalesce(t.student_activated, 0)                            as student_activated,
       coalesce(t.student_accounts, 0)                             as student_accounts,
       coalesce(t.parent_activated, 0)                             as parent_activated,
       coalesce(t.parent_accounts, 0)                              as parent_accounts,
       coalesce(t.teacher_activated, 0)                            as teacher_activated,
       coalesce(t.teacher_accounts, 0)                             as teacher_accounts,
       coalesce(t.staff_activated, 0)                              as staff_activated,
       coalesce(t.staff_accounts, 0)                               as staff_accounts
from district_campaign_school dcs
         join school s on s.uai = dcs.school_uai
         left join campaign c on c.id = dcs.campaign_id
         left join campaign_waiting w on w.campaign_id = c.id
         left join (select school_uai,
                           sum(activated)                                                        as activated,
                           sum(activated + not_activated)                                        as accounts,
                           sum(if(profile = 'STUDENT', activated, 0))                            as student_activated,
                           sum(if(profile = 'STUDENT', activated + not_activated, 0))            as student_accounts,
                           sum(if(profile = 'PARENT', activated, 0))                             as parent_activated,
                           sum(if(profile = 'PARENT', activated + not_activated, 0))             as parent_accounts,
                           sum(if(profile = 'TEACHER', activated, 0))                            as teacher_activated,
                           sum(if(profile = 'TEACHER', activated + not_activated, 0))            as teacher_accounts,
                           sum(if(profile = 'STAFF', activated, 0))                              as staff_activated,
                           sum(if(profile = 'STAFF', activated + not_activated, 0))              as staff_accounts
                    from account_tally
                    group by school_uai) t on t.school_uai = dcs.school_uai;
