-- The campaign page shows the PDF of a round filling up while it is rendered: sheets written so far, committed apart
-- from the rendering's own transaction.
alter table campaign_round
    add column sheets_written int not null default 0 after sheets_printed;
