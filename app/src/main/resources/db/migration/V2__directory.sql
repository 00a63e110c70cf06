-- The directory: schools completed, classes per school year, accounts with their classes and parent links, and a
-- log of the SIECLE / STS-web imports.

alter table school
    add column kind     varchar(10)  not null default 'ECOLE' after name,
    add column district varchar(100) after kind,
    add column ent_url  varchar(300),
    add constraint ck_school_kind check (kind in ('ECOLE', 'COLLEGE', 'LYCEE')),
    add index ix_school_district (district, name);

create table school_class (
    id          bigint       not null auto_increment primary key,
    school_uai  char(8)      not null,
    school_year smallint     not null,
    code        varchar(50)  not null,
    label       varchar(200),
    constraint uk_school_class unique (school_uai, school_year, code),
    constraint fk_school_class_school foreign key (school_uai) references school (uai)
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table account (
    id                 bigint       not null auto_increment primary key,
    school_uai         char(8)      not null,
    profile            varchar(10)  not null,
    origin             varchar(10)  not null,
    -- the identifier in the export it came from (E:ELEVE_ID, P:PERSONNE_ID, I:INDIVIDU ID); null when manual
    source_id          varchar(40),
    login              varchar(100) not null,
    -- the login without its collision counter: finds the next free counter with one indexed read
    login_base         varchar(100) not null,
    last_name          varchar(100) not null,
    first_name         varchar(100) not null,
    birth_date         date,
    national_id        varchar(20),
    email              varchar(254),
    local_admin        boolean      not null default false,
    created_at         datetime(6)  not null,
    state              varchar(15)  not null,
    state_since        datetime(6)  not null,
    -- AES-GCM (nonce + ciphertext + tag); null once activated
    activation_code    varbinary(64),
    activated_at       datetime(6),
    version            int          not null default 0,
    constraint uk_account_login unique (login),
    constraint uk_account_source unique (school_uai, origin, source_id),
    constraint fk_account_school foreign key (school_uai) references school (uai),
    constraint ck_account_profile check (profile in ('STUDENT', 'PARENT', 'TEACHER', 'STAFF', 'GUEST')),
    constraint ck_account_origin check (origin in ('SIECLE', 'STS_WEB', 'MANUAL')),
    constraint ck_account_state check (state in ('ACTIVE', 'PRE_DELETION', 'DELETED')),
    index ix_account_login_base (login_base),
    -- covers the statistics: activated / not activated per profile of a school
    index ix_account_statistics (school_uai, state, profile, activated_at),
    index ix_account_name (school_uai, last_name, first_name)
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;

-- a pupil's division and groups, a teacher's classes (head_teacher: professeur principal)
create table account_class (
    account_id   bigint  not null,
    class_id     bigint  not null,
    head_teacher boolean not null default false,
    primary key (account_id, class_id),
    constraint fk_account_class_account foreign key (account_id) references account (id) on delete cascade,
    constraint fk_account_class_class foreign key (class_id) references school_class (id),
    index ix_account_class_class (class_id)
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table parent_link (
    parent_id    bigint     not null,
    child_id     bigint     not null,
    -- NIVEAU_RESPONSABILITE: 1 legal guardian, 2 person in charge, 3 contact
    legal_level  tinyint    not null,
    relationship varchar(4),
    primary key (parent_id, child_id),
    constraint fk_parent_link_parent foreign key (parent_id) references account (id) on delete cascade,
    constraint fk_parent_link_child foreign key (child_id) references account (id) on delete cascade,
    index ix_parent_link_child (child_id)
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create table directory_import (
    id          bigint       not null auto_increment primary key,
    school_uai  char(8)      not null,
    school_year smallint     not null,
    files       varchar(1000) not null,
    imported_by varchar(100) not null,
    imported_at datetime(6)  not null,
    created     int          not null,
    updated     int          not null,
    pre_deleted int          not null,
    restored    int          not null,
    constraint fk_directory_import_school foreign key (school_uai) references school (uai),
    index ix_directory_import_school (school_uai, imported_at)
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;
