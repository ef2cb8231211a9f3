-- ReelForge core schema. Portable between SQLite and PostgreSQL: times are epoch millis (BIGINT),
-- booleans are 0/1 integers, the few vendor types come from Flyway placeholders set in store.Database.

CREATE TABLE videos (
    id                   VARCHAR(64)  NOT NULL PRIMARY KEY,
    owner                VARCHAR(100) NOT NULL,
    request_json         TEXT         NOT NULL,
    status               VARCHAR(32)  NOT NULL,
    last_successful_step VARCHAR(32),
    current_step         VARCHAR(16),
    attempts             INTEGER      NOT NULL DEFAULT 0,
    failure_reason       TEXT,
    error_category       VARCHAR(32),
    total_blocks         INTEGER      NOT NULL DEFAULT 0,
    completed_blocks     INTEGER      NOT NULL DEFAULT 0,
    current_block        INTEGER      NOT NULL DEFAULT 0,
    created_at           BIGINT       NOT NULL,
    updated_at           BIGINT       NOT NULL,
    version              BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX videos_owner_created ON videos (owner, created_at);
CREATE INDEX videos_status ON videos (status);

CREATE TABLE scripts (
    video_id    VARCHAR(64) NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    kind        VARCHAR(16) NOT NULL,
    script_json TEXT        NOT NULL,
    created_at  BIGINT      NOT NULL,
    PRIMARY KEY (video_id, kind)
);

CREATE TABLE clip_operations (
    video_id         VARCHAR(64) NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    block_index      INTEGER     NOT NULL,
    operation_name   TEXT,
    prompt           TEXT        NOT NULL,
    status           VARCHAR(16) NOT NULL,
    retry_count      INTEGER     NOT NULL DEFAULT 0,
    submissions      INTEGER     NOT NULL DEFAULT 0,
    result_ref       TEXT,
    result_offset_ms BIGINT      NOT NULL DEFAULT 0,
    last_error       TEXT,
    last_error_kind  VARCHAR(16),
    error_category   VARCHAR(32),
    prompt_rewritten INTEGER     NOT NULL DEFAULT 0,
    created_at       BIGINT      NOT NULL,
    updated_at       BIGINT      NOT NULL,
    next_check_at    BIGINT,
    PRIMARY KEY (video_id, block_index)
);
CREATE INDEX clip_operations_status ON clip_operations (status, updated_at);

CREATE TABLE assembly_tracking (
    video_id          VARCHAR(64) NOT NULL PRIMARY KEY REFERENCES videos (id) ON DELETE CASCADE,
    expected_clips    INTEGER     NOT NULL,
    found_clips       INTEGER     NOT NULL,
    first_detected_at BIGINT      NOT NULL,
    last_checked_at   BIGINT      NOT NULL,
    status            VARCHAR(24) NOT NULL
);

CREATE TABLE video_events (
    id        ${id_column},
    video_id  VARCHAR(64) NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    at        BIGINT      NOT NULL,
    type      VARCHAR(32) NOT NULL,
    message   TEXT        NOT NULL
);
CREATE INDEX video_events_video ON video_events (video_id, id);

CREATE TABLE cost_ledger (
    id         ${id_column},
    video_id   VARCHAR(64)  NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    at         BIGINT       NOT NULL,
    kind       VARCHAR(8)   NOT NULL,
    provider   VARCHAR(64)  NOT NULL,
    operation  VARCHAR(32)  NOT NULL,
    units      DOUBLE PRECISION NOT NULL,
    unit       VARCHAR(16)  NOT NULL,
    amount_micro_usd BIGINT NOT NULL
);
CREATE INDEX cost_ledger_video ON cost_ledger (video_id);

-- db-scheduler's table (its documented PostgreSQL schema; the same columns on SQLite)
CREATE TABLE scheduled_tasks (
    task_name            TEXT        NOT NULL,
    task_instance        TEXT        NOT NULL,
    task_data            ${blob_type},
    execution_time       ${timestamp_type} NOT NULL,
    picked               BOOLEAN     NOT NULL,
    picked_by            TEXT,
    last_success         ${timestamp_type},
    last_failure         ${timestamp_type},
    consecutive_failures INT,
    last_heartbeat       ${timestamp_type},
    version              BIGINT      NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
