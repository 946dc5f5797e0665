-- The client address of an app password's last use, shown in the lists beside its time and
-- protocol (an IP literal, NULL when James gave none or before this version).
ALTER TABLE app_passwords ADD COLUMN last_used_address VARCHAR(64);
