-- Administration (issue 13): the district's ENT officers (ADMIN) create schools and back-office users; a new user
-- chooses a password through a one-time link sent by e-mail, so no one ever types another person's password.

alter table back_office_user
    drop constraint ck_back_office_user_role,
    add constraint ck_back_office_user_role check (role in ('DIRECTOR', 'DISTRICT_STAFF', 'ADMIN')),
    -- none until the invited user has chosen one
    modify password_hash varchar(100) null,
    add column email varchar(254) null,
    -- district staff follow every school of this district, those imported later included
    add column district varchar(100) null,
    -- raised when the user is disabled or their schools change: every session signed in before ends at its next
    -- request, on whichever instance it lives
    add column session_epoch int not null default 0;

-- only a hash of each link's token is kept: a copy of the database opens no account
create table invitation (
    id               bigint       not null auto_increment primary key,
    back_office_user bigint       not null,
    token_hash       char(64)     not null,
    created_at       datetime(6)  not null,
    created_by       varchar(100) not null,
    expires_at       datetime(6)  not null,
    -- set when the link was used, or voided by a newer one
    ended_at         datetime(6)  null,
    constraint uk_invitation_token unique (token_hash),
    constraint fk_invitation_user foreign key (back_office_user) references back_office_user (id) on delete cascade,
    index ix_invitation_user (back_office_user, ended_at)
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- what the national directory (Annuaire de l'éducation) says of a school beyond its name
alter table school
    add column commune varchar(100) null after district;
