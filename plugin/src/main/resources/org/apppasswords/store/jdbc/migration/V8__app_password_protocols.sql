-- The protocols an app password logs in with, fixed at its creation: NULL for all of them (every
-- app password created before this version), else API names joined by commas ("smtp",
-- "imap,jmap"). A name a node does not know is ignored by it, never widening the scope.
ALTER TABLE app_passwords ADD COLUMN protocols VARCHAR(64);
