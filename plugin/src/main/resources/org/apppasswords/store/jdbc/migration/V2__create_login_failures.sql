-- Failed primary-path logins, counted per account and scope (an address, the account, the
-- second factor) and shared by every node. fingerprints holds up to five comma-separated keyed
-- HMACs of recent wrong values, under a key that never reaches the database: never a value,
-- never a plain hash of one. Instants are epoch nanoseconds, as in V1.
CREATE TABLE login_failures (
    username VARCHAR(512) NOT NULL,
    scope VARCHAR(128) NOT NULL,
    failures INT NOT NULL,
    last_failure_at BIGINT NOT NULL,
    locked_until BIGINT,
    fingerprints VARCHAR(512) NOT NULL,
    version BIGINT NOT NULL,
    PRIMARY KEY (username, scope)
);

CREATE INDEX login_failures_by_last_failure ON login_failures (last_failure_at);
