-- Portable SQL: runs unchanged on H2 2.2 and PostgreSQL 12+.
-- Instants are epoch nanoseconds (BIGINT); secrets are never stored in clear:
-- app-password and recovery-code values are hashes, session tokens digests,
-- TOTP seeds AES-256-GCM ciphertexts (base64 of nonce || ciphertext || tag).

-- One row per user holding app passwords: locked (SELECT ... FOR UPDATE) while an
-- app password is added, so that the per-user limit holds across nodes.
CREATE TABLE app_password_users (
    username VARCHAR(512) NOT NULL PRIMARY KEY
);

CREATE TABLE app_passwords (
    username VARCHAR(512) NOT NULL,
    id VARCHAR(16) NOT NULL,
    label VARCHAR(256) NOT NULL,
    encoded_hash VARCHAR(512) NOT NULL,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT,
    PRIMARY KEY (username, id)
);

CREATE TABLE totp_enrolments (
    username VARCHAR(512) NOT NULL PRIMARY KEY,
    encrypted_secret VARCHAR(256) NOT NULL,
    enabled_at BIGINT NOT NULL,
    last_used_step BIGINT NOT NULL
);

CREATE TABLE totp_recovery_codes (
    username VARCHAR(512) NOT NULL,
    slot INT NOT NULL,
    encoded_hash VARCHAR(512) NOT NULL,
    PRIMARY KEY (username, encoded_hash)
);

CREATE TABLE totp_pending_enrolments (
    username VARCHAR(512) NOT NULL PRIMARY KEY,
    encrypted_secret VARCHAR(256) NOT NULL,
    started_at BIGINT NOT NULL
);

CREATE TABLE self_service_sessions (
    token_digest VARCHAR(256) NOT NULL PRIMARY KEY,
    username VARCHAR(512) NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    second_factor_verified BOOLEAN NOT NULL
);

CREATE INDEX self_service_sessions_by_user ON self_service_sessions (username);

-- Store-wide facts, such as the check value of the encryption key.
CREATE TABLE app_passwords_metadata (
    fact_name VARCHAR(64) NOT NULL PRIMARY KEY,
    fact_value VARCHAR(1024) NOT NULL
);
