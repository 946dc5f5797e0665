-- One-time links to an Apple configuration profile carrying a new app password (docs/devices.md).
-- The link's token is never stored, only its hex SHA-256 (token_digest); the app password is
-- stored only AES-256-GCM encrypted with the key of the TOTP seeds (base64 of nonce || ciphertext
-- || tag, bound to the digest and the user), because the profile needs its plaintext. A row is
-- deleted when its link is opened, and once expired (5 minutes) by the next link issued or opened.
-- Instants are epoch nanoseconds, as in V1. V11, not V10: V10 belongs to the sign-in history
-- developed alongside; Flyway applies versions in order and accepts the gap.
CREATE TABLE device_profile_links (
    token_digest VARCHAR(64) NOT NULL PRIMARY KEY,
    username VARCHAR(512) NOT NULL,
    encrypted_password VARCHAR(256) NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE INDEX device_profile_links_by_expiry ON device_profile_links (expires_at);
