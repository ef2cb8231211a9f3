package org.reelforge.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.reelforge.video.AssemblyTracking;
import org.reelforge.video.ClipOperation;
import org.reelforge.video.ClipStatus;
import org.reelforge.video.CompletedStep;
import org.reelforge.video.CostEntry;
import org.reelforge.video.ErrorCategory;
import org.reelforge.video.Script;
import org.reelforge.video.Step;
import org.reelforge.video.Video;
import org.reelforge.video.VideoEvent;
import org.reelforge.video.VideoId;
import org.reelforge.video.VideoStatus;

/** The rows of one transaction (or one read). Not thread-safe: one per unit of work. */
public final class StoreTransaction {
    public static final String ORIGINAL = "original";
    public static final String ADAPTED = "adapted";
    private final Handle handle;

    StoreTransaction(Handle handle) {
        this.handle = handle;
    }

    /** The {@code users} rows, in this same transaction. */
    public UserTable users() {
        return new UserTable(handle);
    }

    /** Sliding-window limits shared by every API node, in this same transaction. */
    public RateWindowTable rateWindows() {
        return new RateWindowTable(handle);
    }

    /** Signed-out sessions shared by every API node, in this same transaction. */
    public RevokedSessionTable revokedSessions() {
        return new RevokedSessionTable(handle);
    }

    /** Counts over all videos for health and metrics, in this same transaction. */
    public StoreStatistics statistics() {
        return new StoreStatistics(handle);
    }

    // ---- videos

    public Video insertVideo(Video v) {
        handle.createUpdate("""
                INSERT INTO videos (id, owner, request_json, status, last_successful_step, current_step, attempts,
                  failure_reason, error_category, total_blocks, completed_blocks, current_block, created_at, updated_at, version)
                VALUES (:id, :owner, :request, :status, :last, :step, :attempts, :reason, :category, :total, :completed,
                  :current, :created, :updated, 0)""")
                .bind("id", v.id().value()).bind("owner", v.owner())
                .bind("request", Json.write(RequestDocument.of(v.request())))
                .bind("created", v.createdAt().toEpochMilli())
                .bindMap(videoColumns(v))
                .execute();
        return v.withVersion(0);
    }

    /** Writes {@code v} if nobody changed the row since it was read; returns it with its new version. */
    public Video updateVideo(Video v) {
        int rows = handle.createUpdate("""
                UPDATE videos SET status = :status, last_successful_step = :last, current_step = :step, attempts = :attempts,
                  failure_reason = :reason, error_category = :category, total_blocks = :total, completed_blocks = :completed,
                  current_block = :current, updated_at = :updated, version = version + 1
                WHERE id = :id AND version = :version""")
                .bind("id", v.id().value()).bind("version", v.version())
                .bindMap(videoColumns(v))
                .execute();
        if (rows != 1) {
            throw new ConcurrentUpdateException("video " + v.id() + " was changed by another worker (expected version "
                    + v.version() + ")");
        }
        return v.withVersion(v.version() + 1);
    }

    private static java.util.Map<String, Object> videoColumns(Video v) {
        java.util.Map<String, Object> m = new java.util.HashMap<>();
        m.put("status", v.status().wireName());
        m.put("last", v.lastSuccessfulStep() == null ? null : v.lastSuccessfulStep().wireName());
        m.put("step", v.currentStep() == null ? null : v.currentStep().wireName());
        m.put("attempts", v.attempts());
        m.put("reason", v.failureReason());
        m.put("category", v.errorCategory() == null ? null : v.errorCategory().wireName());
        m.put("total", v.totalBlocks());
        m.put("completed", v.completedBlocks());
        m.put("current", v.currentBlock());
        m.put("updated", v.updatedAt().toEpochMilli());
        return m;
    }

    public Optional<Video> video(VideoId id) {
        return handle.createQuery("SELECT * FROM videos WHERE id = :id").bind("id", id.value())
                .map((rs, ctx) -> video(rs)).findOne();
    }

    /** Newest first; {@code owner} and {@code status} null mean "any". */
    public List<Video> videos(String owner, VideoStatus status, int offset, int limit) {
        Query q = handle.createQuery("SELECT * FROM videos WHERE (:owner IS NULL OR owner = :owner)"
                        + " AND (:status IS NULL OR status = :status) ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .bind("owner", owner).bind("status", status == null ? null : status.wireName())
                .bind("limit", limit).bind("offset", offset);
        return q.map((rs, ctx) -> video(rs)).list();
    }

    public int countVideos(String owner, VideoStatus status) {
        return handle.createQuery("SELECT COUNT(*) FROM videos WHERE (:owner IS NULL OR owner = :owner)"
                        + " AND (:status IS NULL OR status = :status)")
                .bind("owner", owner).bind("status", status == null ? null : status.wireName())
                .mapTo(Integer.class).one();
    }

    /** Videos that are not completed, failed or cancelled: the ones a restart must carry on. */
    public List<VideoId> unfinishedVideoIds() {
        return handle.createQuery("SELECT id FROM videos WHERE status NOT IN ('completed', 'failed', 'cancelled') ORDER BY created_at")
                .map((rs, ctx) -> new VideoId(rs.getString("id"))).list();
    }

    public void deleteVideo(VideoId id) {
        for (String table : List.of("video_events", "cost_ledger", "assembly_tracking", "clip_operations", "scripts")) {
            handle.createUpdate("DELETE FROM " + table + " WHERE video_id = :id").bind("id", id.value()).execute();
        }
        handle.createUpdate("DELETE FROM videos WHERE id = :id").bind("id", id.value()).execute();
    }

    private static Video video(ResultSet rs) throws SQLException {
        return new Video(new VideoId(rs.getString("id")), rs.getString("owner"),
                Json.read(rs.getString("request_json"), RequestDocument.class).toRequest(),
                VideoStatus.fromWire(rs.getString("status")), CompletedStep.fromWire(rs.getString("last_successful_step")),
                step(rs.getString("current_step")), rs.getInt("attempts"), rs.getString("failure_reason"),
                ErrorCategory.fromWire(rs.getString("error_category")), rs.getInt("total_blocks"),
                rs.getInt("completed_blocks"), rs.getInt("current_block"), instant(rs, "created_at"),
                instant(rs, "updated_at"), rs.getLong("version"));
    }

    private static Step step(String s) {
        return s == null ? null : Step.valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }

    // ---- scripts

    public void saveScript(VideoId id, String kind, Script script, Instant now) {
        handle.createUpdate("DELETE FROM scripts WHERE video_id = :id AND kind = :kind")
                .bind("id", id.value()).bind("kind", kind).execute();
        handle.createUpdate("INSERT INTO scripts (video_id, kind, script_json, created_at) VALUES (:id, :kind, :json, :at)")
                .bind("id", id.value()).bind("kind", kind).bind("json", Json.write(ScriptDocument.of(script)))
                .bind("at", now.toEpochMilli()).execute();
    }

    public Optional<Script> script(VideoId id, String kind) {
        return handle.createQuery("SELECT script_json FROM scripts WHERE video_id = :id AND kind = :kind")
                .bind("id", id.value()).bind("kind", kind)
                .map((rs, ctx) -> Json.read(rs.getString(1), ScriptDocument.class).toScript()).findOne();
    }

    /** The script the clips and voice are made from: the adapted one when it exists. */
    public Optional<Script> currentScript(VideoId id) {
        return script(id, ADAPTED).or(() -> script(id, ORIGINAL));
    }

    // ---- clip operations

    public void saveClip(ClipOperation c) {
        handle.createUpdate("DELETE FROM clip_operations WHERE video_id = :id AND block_index = :block")
                .bind("id", c.videoId().value()).bind("block", c.blockIndex()).execute();
        handle.createUpdate("""
                INSERT INTO clip_operations (video_id, block_index, operation_name, prompt, status, retry_count, submissions,
                  result_ref, result_offset_ms, last_error, last_error_kind, error_category, prompt_rewritten, created_at,
                  updated_at, next_check_at)
                VALUES (:id, :block, :op, :prompt, :status, :retries, :subs, :ref, :offset, :error, :kind, :category,
                  :rewritten, :created, :updated, :next)""")
                .bind("id", c.videoId().value()).bind("block", c.blockIndex()).bind("op", c.operationName())
                .bind("prompt", c.prompt()).bind("status", c.status().wireName()).bind("retries", c.retryCount())
                .bind("subs", c.submissions()).bind("ref", c.resultRef()).bind("offset", c.resultOffsetMillis())
                .bind("error", c.lastError()).bind("kind", c.lastErrorKind())
                .bind("category", c.errorCategory() == null ? null : c.errorCategory().wireName())
                .bind("rewritten", c.promptRewritten() ? 1 : 0).bind("created", c.createdAt().toEpochMilli())
                .bind("updated", c.updatedAt().toEpochMilli())
                .bind("next", c.nextCheckAt() == null ? null : c.nextCheckAt().toEpochMilli())
                .execute();
    }

    public List<ClipOperation> clips(VideoId id) {
        return handle.createQuery("SELECT * FROM clip_operations WHERE video_id = :id ORDER BY block_index")
                .bind("id", id.value()).map((rs, ctx) -> clip(rs)).list();
    }

    public Optional<ClipOperation> clip(VideoId id, int block) {
        return handle.createQuery("SELECT * FROM clip_operations WHERE video_id = :id AND block_index = :block")
                .bind("id", id.value()).bind("block", block).map((rs, ctx) -> clip(rs)).findOne();
    }

    /** Ids of videos with a clip in {@code status}, for the monitor's sweep. */
    public List<VideoId> videosWithClips(ClipStatus status) {
        return handle.createQuery("SELECT DISTINCT video_id FROM clip_operations WHERE status = :status")
                .bind("status", status.wireName()).map((rs, ctx) -> new VideoId(rs.getString(1))).list();
    }

    /**
     * Moves a pending clip's next poll without touching anything else, and only if the row is still the
     * same pending operation (another worker may have moved it on meanwhile).
     */
    public void reschedulePoll(ClipOperation c, Instant next) {
        handle.createUpdate("UPDATE clip_operations SET next_check_at = :next WHERE video_id = :id AND block_index = :block"
                        + " AND status = 'pending' AND operation_name = :op")
                .bind("next", next.toEpochMilli()).bind("id", c.videoId().value()).bind("block", c.blockIndex())
                .bind("op", c.operationName()).execute();
    }

    public void deleteClips(VideoId id) {
        handle.createUpdate("DELETE FROM clip_operations WHERE video_id = :id").bind("id", id.value()).execute();
    }

    private static ClipOperation clip(ResultSet rs) throws SQLException {
        long next = rs.getLong("next_check_at");
        Instant nextAt = rs.wasNull() ? null : Instant.ofEpochMilli(next);
        return new ClipOperation(new VideoId(rs.getString("video_id")), rs.getInt("block_index"),
                rs.getString("operation_name"), rs.getString("prompt"), ClipStatus.fromWire(rs.getString("status")),
                rs.getInt("retry_count"), rs.getInt("submissions"), rs.getString("result_ref"),
                rs.getLong("result_offset_ms"), rs.getString("last_error"), rs.getString("last_error_kind"),
                ErrorCategory.fromWire(rs.getString("error_category")), rs.getInt("prompt_rewritten") == 1,
                instant(rs, "created_at"), instant(rs, "updated_at"), nextAt);
    }

    // ---- assembly tracking

    public Optional<AssemblyTracking> tracking(VideoId id) {
        return handle.createQuery("SELECT * FROM assembly_tracking WHERE video_id = :id").bind("id", id.value())
                .map((rs, ctx) -> new AssemblyTracking(id, rs.getInt("expected_clips"), rs.getInt("found_clips"),
                        instant(rs, "first_detected_at"), instant(rs, "last_checked_at"),
                        AssemblyTracking.Status.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT))))
                .findOne();
    }

    public void saveTracking(AssemblyTracking t) {
        deleteTracking(t.videoId());
        handle.createUpdate("""
                INSERT INTO assembly_tracking (video_id, expected_clips, found_clips, first_detected_at, last_checked_at, status)
                VALUES (:id, :expected, :found, :first, :last, :status)""")
                .bind("id", t.videoId().value()).bind("expected", t.expectedClips()).bind("found", t.foundClips())
                .bind("first", t.firstDetectedAt().toEpochMilli()).bind("last", t.lastCheckedAt().toEpochMilli())
                .bind("status", t.status().wireName()).execute();
    }

    public void deleteTracking(VideoId id) {
        handle.createUpdate("DELETE FROM assembly_tracking WHERE video_id = :id").bind("id", id.value()).execute();
    }

    // ---- events

    public void appendEvent(VideoId id, Instant at, String type, String message) {
        handle.createUpdate("INSERT INTO video_events (video_id, at, type, message) VALUES (:id, :at, :type, :message)")
                .bind("id", id.value()).bind("at", at.toEpochMilli()).bind("type", type).bind("message", message).execute();
    }

    /** Events after {@code afterId} (0 for all), oldest first. */
    public List<VideoEvent> events(VideoId id, long afterId, int limit) {
        return handle.createQuery("SELECT * FROM video_events WHERE video_id = :id AND id > :after ORDER BY id LIMIT :limit")
                .bind("id", id.value()).bind("after", afterId).bind("limit", limit)
                .map((rs, ctx) -> new VideoEvent(rs.getLong("id"), id, instant(rs, "at"), rs.getString("type"),
                        rs.getString("message")))
                .list();
    }

    /**
     * For each of {@code ids} that has events: the id of its newest event and how many it has. Any new event
     * changes the pair, even one committed late with a lower id, so a poller can watch many videos in one query.
     */
    public Map<VideoId, EventMark> eventMarks(Collection<VideoId> ids) {
        Map<VideoId, EventMark> marks = new HashMap<>();
        if (ids.isEmpty()) {
            return marks;
        }
        handle.createQuery("SELECT video_id, MAX(id), COUNT(*) FROM video_events WHERE video_id IN (<ids>) GROUP BY video_id")
                .bindList("ids", ids.stream().map(VideoId::value).toList())
                .map((rs, ctx) -> new EventMark(new VideoId(rs.getString(1)), rs.getLong(2), rs.getLong(3)))
                .forEach(m -> marks.put(m.videoId(), m));
        return marks;
    }

    /** Where a video's event history stands: see {@link #eventMarks}. */
    public record EventMark(VideoId videoId, long lastEventId, long events) {
    }

    // ---- cost ledger

    public void addCost(CostEntry e) {
        handle.createUpdate("""
                INSERT INTO cost_ledger (video_id, at, kind, provider, operation, units, unit, amount_micro_usd)
                VALUES (:id, :at, :kind, :provider, :operation, :units, :unit, :amount)""")
                .bind("id", e.videoId().value()).bind("at", e.at().toEpochMilli()).bind("kind", e.kind().name())
                .bind("provider", e.provider()).bind("operation", e.operation()).bind("units", e.units())
                .bind("unit", e.unit()).bind("amount", e.amountMicroUsd()).execute();
    }

    public List<CostEntry> costs(VideoId id) {
        return handle.createQuery("SELECT * FROM cost_ledger WHERE video_id = :id ORDER BY id").bind("id", id.value())
                .map((rs, ctx) -> new CostEntry(id, instant(rs, "at"), CostEntry.Kind.valueOf(rs.getString("kind")),
                        rs.getString("provider"), rs.getString("operation"), rs.getDouble("units"), rs.getString("unit"),
                        rs.getLong("amount_micro_usd")))
                .list();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return Instant.ofEpochMilli(rs.getLong(column));
    }
}
