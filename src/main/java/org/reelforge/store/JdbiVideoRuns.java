package org.reelforge.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.reelforge.pipeline.ConcurrentUpdateException;
import org.reelforge.pipeline.StorageException;
import org.reelforge.pipeline.VideoLibrary;
import org.reelforge.pipeline.VideoRuns;
import org.reelforge.video.AssemblyTracking;
import org.reelforge.video.ClipOperation;
import org.reelforge.video.CostEntry;
import org.reelforge.video.Script;
import org.reelforge.video.Video;
import org.reelforge.video.VideoEvent;
import org.reelforge.video.VideoId;
import org.reelforge.video.VideoRun;
import org.reelforge.video.VideoStatus;
import org.reelforge.wire.Json;
import org.reelforge.wire.ScriptDocument;

/**
 * {@link VideoRuns} and {@link VideoLibrary} on SQLite or PostgreSQL through Jdbi: plain portable SQL per table, rows
 * mapped by name into row records ({@link StoreRows}) with the column mappers and argument factories of
 * {@link StoreTypes}. A run is read in one transaction and saved in one, guarded by the video's version. A database
 * that cannot be written (disk full, read-only) is a {@link StorageException}, not a stack trace. Thread-safe.
 */
public final class JdbiVideoRuns implements VideoRuns, VideoLibrary {
    private static final String ORIGINAL = "original";
    private static final String ADAPTED = "adapted";
    private final Jdbi jdbi;

    public JdbiVideoRuns(Database database) {
        this.jdbi = StoreTypes.register(Jdbi.create(database.dataSource()));
        for (Class<?> row : List.of(StoreRows.VideoRow.class, StoreRows.ClipRow.class, StoreRows.CostRow.class,
                AssemblyTracking.class, VideoEvent.class, EventMark.class)) {
            jdbi.registerRowMapper(ConstructorMapper.factory(row));
        }
    }

    // ---- the aggregate

    @Override
    public Optional<VideoRun> load(VideoId id) {
        return read(h -> h.createQuery("SELECT * FROM videos WHERE id = :id").bind("id", id)
                .mapTo(StoreRows.VideoRow.class).findOne()
                .map(row -> VideoRun.of(row.toVideo(), script(h, id, ORIGINAL), script(h, id, ADAPTED),
                        h.createQuery("SELECT * FROM clip_operations WHERE video_id = :id ORDER BY block_index")
                                .bind("id", id).mapTo(StoreRows.ClipRow.class).map(StoreRows.ClipRow::toClip).list(),
                        h.createQuery("SELECT * FROM assembly_tracking WHERE video_id = :id").bind("id", id)
                                .mapTo(AssemblyTracking.class).findOne().orElse(null),
                        h.createQuery("SELECT * FROM cost_ledger WHERE video_id = :id ORDER BY id").bind("id", id)
                                .mapTo(StoreRows.CostRow.class).map(StoreRows.CostRow::toEntry).list())));
    }

    @Override
    public void save(VideoRun run) {
        VideoRun.Changes changes = run.changes();
        if (changes.isEmpty()) {
            return;
        }
        long version = write(h -> {
            long v = saveVideo(h, run.video(), changes.inserted());
            VideoId id = run.id();
            for (VideoRun.ScriptKind kind : changes.scripts()) {
                Optional<Script> s = kind == VideoRun.ScriptKind.ORIGINAL ? run.original() : run.adapted();
                h.createUpdate("DELETE FROM scripts WHERE video_id = :id AND kind = :kind").bind("id", id)
                        .bind("kind", kind.wireName()).execute();
                s.ifPresent(script -> h.createUpdate("INSERT INTO scripts (video_id, kind, script_json, created_at) "
                                + "VALUES (:id, :kind, :json, :at)").bind("id", id).bind("kind", kind.wireName())
                        .bind("json", Json.write(ScriptDocument.of(script))).bind("at", run.video().updatedAt()).execute());
            }
            for (int block : changes.removedClips()) {
                h.createUpdate("DELETE FROM clip_operations WHERE video_id = :id AND block_index = :block")
                        .bind("id", id).bind("block", block).execute();
            }
            for (int block : changes.clips()) {
                run.clip(block).ifPresent(c -> saveClip(h, c));
            }
            if (changes.tracking()) {
                h.createUpdate("DELETE FROM assembly_tracking WHERE video_id = :id").bind("id", id).execute();
                run.tracking().ifPresent(t -> h.createUpdate("INSERT INTO assembly_tracking (video_id, expected_clips, "
                        + "found_clips, first_detected_at, last_checked_at, status) VALUES (:videoId, :expectedClips, "
                        + ":foundClips, :firstDetectedAt, :lastCheckedAt, :status)").bindMethods(t).execute());
            }
            for (VideoEvent e : changes.events()) {
                h.createUpdate("INSERT INTO video_events (video_id, at, type, message) VALUES (:videoId, :at, :type, :message)")
                        .bindMethods(e).execute();
            }
            for (CostEntry e : changes.costs()) {
                h.createUpdate("INSERT INTO cost_ledger (video_id, at, kind, provider, operation, units, unit, "
                        + "amount_micro_usd, note, charged, block_index) VALUES (:videoId, :at, :kind, :provider, "
                        + ":operation, :units, :unit, :amountMicroUsd, :note, :charged, :blockIndex)")
                        .bindMethods(StoreRows.CostRow.of(e)).execute();
            }
            return v;
        });
        run.saved(version);
    }

    private static long saveVideo(Handle h, Video v, boolean insert) {
        StoreRows.VideoRow row = StoreRows.VideoRow.of(v);
        if (insert) {
            h.createUpdate("INSERT INTO videos (id, owner, request_json, status, last_successful_step, current_step, "
                    + "attempts, failure_reason, error_category, total_blocks, completed_blocks, current_block, created_at, "
                    + "updated_at, version, rate_limited_since, approved_at, finalized_at, delivered_json) VALUES (:id, :owner, "
                    + ":requestJson, :status, :lastSuccessfulStep, :currentStep, :attempts, :failureReason, :errorCategory, "
                    + ":totalBlocks, :completedBlocks, :currentBlock, :createdAt, :updatedAt, 0, :rateLimitedSince, "
                    + ":approvedAt, :finalizedAt, :deliveredJson)").bindMethods(row).execute();
            return 0;
        }
        int rows = h.createUpdate("UPDATE videos SET status = :status, last_successful_step = :lastSuccessfulStep, "
                + "current_step = :currentStep, attempts = :attempts, failure_reason = :failureReason, "
                + "error_category = :errorCategory, total_blocks = :totalBlocks, completed_blocks = :completedBlocks, "
                + "current_block = :currentBlock, updated_at = :updatedAt, rate_limited_since = :rateLimitedSince, "
                + "approved_at = :approvedAt, finalized_at = :finalizedAt, delivered_json = :deliveredJson, "
                + "version = version + 1 "
                + "WHERE id = :id AND version = :version").bindMethods(row).execute();
        if (rows != 1) {
            throw new ConcurrentUpdateException("video " + v.id() + " was changed by another worker or a person (expected "
                    + "version " + v.version() + ")");
        }
        return v.version() + 1;
    }

    private static void saveClip(Handle h, ClipOperation c) {
        StoreRows.ClipRow row = StoreRows.ClipRow.of(c);
        h.createUpdate("DELETE FROM clip_operations WHERE video_id = :videoId AND block_index = :blockIndex")
                .bindMethods(row).execute();
        h.createUpdate("INSERT INTO clip_operations (video_id, block_index, operation_name, prompt, status, retry_count, "
                + "submissions, result_ref, result_offset_ms, last_error, last_error_kind, error_category, prompt_rewritten, "
                + "created_at, updated_at, next_check_at, provider, quote_json, cost_micro_usd, resolution, digest) VALUES "
                + "(:videoId, :blockIndex, :operationName, :prompt, :status, :retryCount, :submissions, :resultRef, "
                + ":resultOffsetMs, :lastError, :lastErrorKind, :errorCategory, :promptRewritten, :createdAt, :updatedAt, "
                + ":nextCheckAt, :provider, :quoteJson, :costMicroUsd, :resolution, :digest)").bindMethods(row).execute();
    }

    private static Script script(Handle h, VideoId id, String kind) {
        return h.createQuery("SELECT script_json FROM scripts WHERE video_id = :id AND kind = :kind")
                .bind("id", id).bind("kind", kind).mapTo(String.class).findOne()
                .map(json -> Json.read(json, ScriptDocument.class).toScript()).orElse(null);
    }

    @Override
    public void delete(VideoId id) {
        write(h -> {
            for (String table : List.of("video_events", "cost_ledger", "assembly_tracking", "clip_operations", "scripts")) {
                h.createUpdate("DELETE FROM " + table + " WHERE video_id = :id").bind("id", id).execute();
            }
            return h.createUpdate("DELETE FROM videos WHERE id = :id").bind("id", id).execute();
        });
    }

    @Override
    public List<VideoId> unfinished() {
        return read(h -> h.createQuery("SELECT id FROM videos WHERE status NOT IN ('completed', 'failed', 'cancelled', "
                + "'awaiting_approval') ORDER BY created_at").mapTo(VideoId.class).list());
    }

    @Override
    public int inFlightClips(String provider) {
        return read(h -> h.createQuery("SELECT COUNT(*) FROM clip_operations c JOIN videos v ON v.id = c.video_id "
                        + "WHERE c.provider = :provider AND c.status IN ('submitting', 'pending') "
                        + "AND v.status NOT IN ('completed', 'failed', 'cancelled')")
                .bind("provider", provider).mapTo(Integer.class).one());
    }

    // ---- the library

    @Override
    public Optional<Video> video(VideoId id) {
        return read(h -> h.createQuery("SELECT * FROM videos WHERE id = :id").bind("id", id)
                .mapTo(StoreRows.VideoRow.class).findOne().map(StoreRows.VideoRow::toVideo));
    }

    @Override
    public List<Video> page(String owner, VideoStatus status, int offset, int limit) {
        return read(h -> h.createQuery("SELECT * FROM videos WHERE (:owner IS NULL OR owner = :owner)"
                        + " AND (:status IS NULL OR status = :status) ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .bind("owner", owner).bind("status", status == null ? null : status.wireName())
                .bind("limit", limit).bind("offset", offset)
                .mapTo(StoreRows.VideoRow.class).map(StoreRows.VideoRow::toVideo).list());
    }

    @Override
    public int count(String owner, VideoStatus status) {
        return read(h -> h.createQuery("SELECT COUNT(*) FROM videos WHERE (:owner IS NULL OR owner = :owner)"
                        + " AND (:status IS NULL OR status = :status)")
                .bind("owner", owner).bind("status", status == null ? null : status.wireName()).mapTo(Integer.class).one());
    }

    @Override
    public List<VideoEvent> events(VideoId id, long afterId, int limit) {
        return read(h -> h.createQuery("SELECT * FROM video_events WHERE video_id = :id AND id > :after ORDER BY id LIMIT :limit")
                .bind("id", id).bind("after", afterId).bind("limit", limit).mapTo(VideoEvent.class).list());
    }

    @Override
    public List<VideoEvent> latestEvents(VideoId id, int limit) {
        List<VideoEvent> newest = read(h -> h.createQuery("SELECT * FROM video_events WHERE video_id = :id ORDER BY id DESC "
                + "LIMIT :limit").bind("id", id).bind("limit", limit).mapTo(VideoEvent.class).list());
        List<VideoEvent> oldestFirst = new java.util.ArrayList<>(newest);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    @Override
    public Map<VideoId, EventMark> eventMarks(Collection<VideoId> ids) {
        Map<VideoId, EventMark> marks = new HashMap<>();
        if (ids.isEmpty()) {
            return marks;
        }
        read(h -> h.createQuery("SELECT video_id, MAX(id) AS last_event_id, COUNT(*) AS events FROM video_events "
                        + "WHERE video_id IN (<ids>) GROUP BY video_id")
                .bindList("ids", ids.stream().map(VideoId::value).toList())
                .mapTo(EventMark.class).list()).forEach(m -> marks.put(m.videoId(), m));
        return marks;
    }

    /** Health: answers once the database does. */
    public boolean ping() {
        return read(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one() == 1);
    }

    // ---- transactions, with a full or read-only database said as such

    private <T> T read(Function<Handle, T> work) {
        return Transactions.read(jdbi, work);
    }

    private <T> T write(Function<Handle, T> work) {
        return Transactions.write(jdbi, work);
    }
}
