-- "Mot de passe oublié": one-time links sent by e-mail (issue 12). Only a hash of the link's token is kept.
create table password_reset (
    id          bigint      not null auto_increment primary key,
    account_id  bigint      not null,
    token_hash  char(64)    not null,
    created_at  datetime(6) not null,
    expires_at  datetime(6) not null,
    -- set when the link was used, or voided by a newer one
    ended_at    datetime(6) null,
    constraint uk_password_reset_token unique (token_hash),
    constraint fk_password_reset_account foreign key (account_id) references account (id),
    index ix_password_reset_account (account_id, ended_at)
);
