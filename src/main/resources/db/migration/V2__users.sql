-- Users of the web application. Portable: epoch-millis times, plain VARCHAR columns.
-- password_hash holds "pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>" (see web.Pbkdf2Passwords).
CREATE TABLE users (
    username      VARCHAR(64)  NOT NULL PRIMARY KEY,
    password_hash VARCHAR(255) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    created_at    BIGINT       NOT NULL
);
