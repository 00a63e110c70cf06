-- The secret of a second factor being enrolled, kept from the first showing of its QR code until the app's first code
-- is accepted (then it becomes totp_secret) or the user restarts on purpose: a reload of the page made a new secret,
-- and the codes of the app that had scanned the first one were refused, counting toward the lock.
alter table back_office_user
    add column totp_pending_secret varchar(64) character set utf8mb4 collate utf8mb4_unicode_ci null;
