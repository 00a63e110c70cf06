-- A second factor (TOTP, RFC 6238) for every back-office user (issue 13): the secret their authenticator app shares,
-- and the last time step whose code was accepted, so that a code seen once (over a shoulder, in a proxy's log) is
-- refused the second time. Both null until the user enrols at their first sign-in; null again once an administrator
-- resets the factor. The secret is stored as the app was given it (Base32): Rentrée has no general sealing key yet
-- (the activation-code key seals codes only), so the database's own protection is what guards it.
alter table back_office_user
    add column totp_secret    varchar(64) character set utf8mb4 collate utf8mb4_unicode_ci null,
    add column totp_last_step bigint      null;

-- The sign-in journal gains the two outcomes of the second step: the password was right and a code is awaited (the
-- username's count of failures is not cleared yet), and a wrong code (counted like a wrong password).
alter table sign_in_attempt drop constraint ck_sign_in_attempt_outcome;
alter table sign_in_attempt add constraint ck_sign_in_attempt_outcome check (outcome in
    ('SUCCESS', 'FAILURE', 'THROTTLED', 'LOCKED', 'ADDRESS_LOCKED', 'LOCKOUT_USERNAME', 'LOCKOUT_ADDRESS',
     'AWAITING_CODE', 'WRONG_CODE'));
