-- The protocol of an app password's last use (IMAP, POP3, SMTP, ...), as James names it
-- in its logging context; NULL when never used or when James named no protocol.
-- V3, not V2: V2 belongs to the throttling change developed alongside; Flyway
-- applies versions in order and accepts the gap.
ALTER TABLE app_passwords ADD COLUMN last_used_protocol VARCHAR(32);
