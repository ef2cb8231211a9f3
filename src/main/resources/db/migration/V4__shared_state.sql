-- State every API node shares, so N nodes behind a load balancer apply one limit (issue 11).
-- Portable: epoch-millis times, plain VARCHAR/TEXT columns.

-- Sliding windows: the creation limit per user ('create') and failed sign-ins per username and address
-- ('login_failure'). subject is a SHA-256 of the key (no addresses or typed usernames in clear); events holds the
-- epoch millis of the most recent events, oldest first, comma-separated, never more than the window's limit.
-- A node serializes changes to one window by updating its row first (a row lock on PostgreSQL; SQLite serializes
-- every write transaction).
CREATE TABLE rate_windows (
    bucket     VARCHAR(16) NOT NULL,
    subject    VARCHAR(64) NOT NULL,
    events     TEXT        NOT NULL,
    updated_at BIGINT      NOT NULL,
    PRIMARY KEY (bucket, subject)
);
CREATE INDEX rate_windows_updated ON rate_windows (updated_at);

-- Sessions signed out with POST /api/auth/logout: their refresh and access tokens are refused. A row is kept until
-- every token of the session has expired anyway (expires_at), then purged.
CREATE TABLE revoked_sessions (
    session_id VARCHAR(64) NOT NULL PRIMARY KEY,
    revoked_at BIGINT      NOT NULL,
    expires_at BIGINT      NOT NULL
);
CREATE INDEX revoked_sessions_expires ON revoked_sessions (expires_at);
