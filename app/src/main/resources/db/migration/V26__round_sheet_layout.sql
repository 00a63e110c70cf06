-- the model a round's hand-out chose for its sheets (a reminder's, 8 per page for the carnet de liaison);
-- null: the campaign's, chosen at "Vérifier"
alter table campaign_round
    add column sheet_layout varchar(20) after sheets_deleted_at;
