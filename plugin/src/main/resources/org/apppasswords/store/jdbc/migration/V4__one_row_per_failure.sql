-- The throttle keeps one row per wrong value and place instead of counters updated in place: a
-- refused login writes at most one small row, racing logins never conflict, and every count and
-- lockout is derived from the rows read (plugin/.../throttle/Counts.java). fingerprint is a keyed
-- HMAC of the wrong value under a key that never reaches the database. Instants are epoch
-- nanoseconds, as in V1.
--
-- The TOTP path's count moves to the enrolment it protects, beside the step it guards, so that a
-- code is spent, and a wrong one counted, by one conditional UPDATE of that row:
--   failed_codes     wrong codes (behind a right primary password) since the last accepted one;
--   last_wrong_code  keyed fingerprint of the last wrong code and its time step, so that the same
--                    wrong code repeated within one step counts once;
--   spent_codes      keyed fingerprints of the last accepted codes, so that a mail client replaying
--                    one is neither accepted nor counted as a guess.
-- The fingerprints are HMACs keyed with the TOTP seed, which is itself encrypted at rest.

ALTER TABLE totp_enrolments ADD COLUMN failed_codes INT DEFAULT 0 NOT NULL;
ALTER TABLE totp_enrolments ADD COLUMN last_wrong_code VARCHAR(64);
ALTER TABLE totp_enrolments ADD COLUMN spent_codes VARCHAR(512) DEFAULT '' NOT NULL;

UPDATE totp_enrolments SET failed_codes = COALESCE((SELECT f.failures FROM login_failures f
    WHERE f.username = totp_enrolments.username AND f.scope = 'second-factor'), 0);

DROP TABLE login_failures;

CREATE TABLE login_failures (
    username VARCHAR(512) NOT NULL,
    address VARCHAR(64) NOT NULL,
    fingerprint VARCHAR(32) NOT NULL,
    failed_at BIGINT NOT NULL,
    -- TRUE once the account succeeded from that address: the row then no longer counts against the
    -- account from that address, but still counts for the account and for the address.
    forgiven BOOLEAN DEFAULT FALSE NOT NULL,
    PRIMARY KEY (username, address, fingerprint)
);

CREATE INDEX login_failures_by_address ON login_failures (address, failed_at);
CREATE INDEX login_failures_by_time ON login_failures (failed_at);

CREATE TABLE login_successes (
    username VARCHAR(512) NOT NULL,
    address VARCHAR(64) NOT NULL,
    succeeded_at BIGINT NOT NULL,
    PRIMARY KEY (username, address)
);

CREATE INDEX login_successes_by_time ON login_successes (succeeded_at);
