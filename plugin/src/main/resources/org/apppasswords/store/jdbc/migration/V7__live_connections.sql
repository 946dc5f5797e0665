-- The directory of live connections (DirectoryPublisher), so that any node lists a user's
-- connections on every node: each running instance of the extension (a random id per run) notes
-- every second that it is alive, and publishes the connections of the users whose connections
-- changed. Lists read only the instances alive in the last 30 s; instances silent for ten minutes
-- are deleted with their rows. Nothing secret: the app password's public id, never the password.
-- Instants are epoch nanoseconds, as in V1.
CREATE TABLE live_instances (
    instance VARCHAR(64) PRIMARY KEY,
    alive_at BIGINT NOT NULL
);

CREATE TABLE live_connections (
    instance VARCHAR(64) NOT NULL,
    node VARCHAR(255) NOT NULL,
    username VARCHAR(512) NOT NULL,
    protocol VARCHAR(32) NOT NULL,
    address VARCHAR(255),
    logged_in_at BIGINT NOT NULL,
    app_password_id VARCHAR(64)
);

CREATE INDEX live_connections_by_user ON live_connections (username);
CREATE INDEX live_connections_by_instance ON live_connections (instance, username);
