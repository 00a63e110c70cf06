-- Every PDF of sheets printed: who printed the activation codes of which selection, when, how many.
create table sheet_print (
    id          bigint        not null auto_increment primary key,
    school_uai  char(8)       not null,
    printed_by  varchar(100)  not null,
    printed_at  datetime(6)   not null,
    selection   varchar(1000) not null,
    layout      varchar(20)   not null,
    sheets      int           not null,
    constraint fk_sheet_print_school foreign key (school_uai) references school (uai),
    index ix_sheet_print_school (school_uai, printed_at)
) default charset = utf8mb4 collate = utf8mb4_unicode_ci;
