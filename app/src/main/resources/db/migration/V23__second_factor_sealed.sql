-- Second-factor secrets are sealed at rest (AES-GCM, the user's id as associated data, the key id in front), as
-- activation codes are: a database backup no longer defeats every second factor. The columns hold bytes now; the
-- secrets stored in clear before are sealed by the application when it starts (SecondFactorSecrets), since the
-- migration has no key.
alter table back_office_user
    modify column totp_secret         varbinary(128) null,
    modify column totp_pending_secret varbinary(128) null;
