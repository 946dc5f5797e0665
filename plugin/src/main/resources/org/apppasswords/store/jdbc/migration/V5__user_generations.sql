-- Every change to a user's secrets is ordered on the user's row of app_password_users (locked with
-- SELECT ... FOR UPDATE): a revocation deletes what it ends and moves generation on in the same
-- transaction; a creation commits only if generation is still the one read before the checks that
-- authorised it (plugin/.../store/UserGenerations.java).
ALTER TABLE app_password_users ADD COLUMN generation BIGINT DEFAULT 0 NOT NULL;
