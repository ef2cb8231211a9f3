-- The engine's run aggregate (issue 7): a video's bounded rate-limit wait, its approval, when a draft was finalized and
-- what was delivered; each
-- clip operation's provider, quote (booked when the generation ends), booked cost, resolution and request digest; the
-- ledger's notes (a refusal's reason, the model version echoed), whether the call was charged, and the block it paid.
ALTER TABLE videos ADD COLUMN rate_limited_since BIGINT;
ALTER TABLE videos ADD COLUMN approved_at BIGINT;
ALTER TABLE videos ADD COLUMN finalized_at BIGINT;
ALTER TABLE videos ADD COLUMN delivered_json TEXT;

ALTER TABLE clip_operations ADD COLUMN provider VARCHAR(128);
ALTER TABLE clip_operations ADD COLUMN quote_json TEXT;
ALTER TABLE clip_operations ADD COLUMN cost_micro_usd BIGINT NOT NULL DEFAULT 0;
ALTER TABLE clip_operations ADD COLUMN resolution VARCHAR(16);
ALTER TABLE clip_operations ADD COLUMN digest VARCHAR(32);
CREATE INDEX clip_operations_provider ON clip_operations (provider, status);

ALTER TABLE cost_ledger ADD COLUMN note TEXT;
ALTER TABLE cost_ledger ADD COLUMN charged INTEGER NOT NULL DEFAULT 1;
ALTER TABLE cost_ledger ADD COLUMN block_index INTEGER NOT NULL DEFAULT 0;
