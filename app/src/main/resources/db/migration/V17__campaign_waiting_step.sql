-- Where each school campaign waits for a person, and since when, kept as its process reaches and leaves its human
-- steps (engine events), apart from the campaign's own row so that these events never collide with a director's
-- change of the campaign: the district's pages list hundreds of schools without asking the engine for each. A step
-- that waited past the district campaign's escalation delay is flagged late until the campaign moves on.
create table campaign_waiting (
    campaign_id   bigint      not null primary key,
    step          varchar(50) not null,
    waiting_since datetime(6) not null,
    late_since    datetime(6) null,
    constraint fk_campaign_waiting_campaign foreign key (campaign_id) references campaign (id)
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;
