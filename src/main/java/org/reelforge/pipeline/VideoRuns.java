package org.reelforge.pipeline;

import java.util.List;
import java.util.Optional;
import org.reelforge.video.VideoId;
import org.reelforge.video.VideoRun;

/**
 * Where runs live: one {@link VideoRun} loaded in one read, saved in one transaction guarded by the video's version,
 * with the events and ledger lines its changes produced. Implementations: the Jdbi store (SQLite, PostgreSQL) and an
 * in-memory one for the engine's unit tests; both pass the same contract test. Thread-safe.
 */
public interface VideoRuns {
    /** The run of {@code id}: video, scripts, clips, tracking and ledger, as of one moment; empty if there is none. */
    Optional<VideoRun> load(VideoId id);

    /**
     * Writes what changed in {@code run} ({@link VideoRun#changes()}) in one transaction — a new video, or the video row
     * if its version is still the one loaded — then marks the run saved with its new version. A run without changes
     * writes nothing.
     *
     * @throws ConcurrentUpdateException if another writer changed the video since this run was loaded; nothing is written
     * @throws StorageException          if the database cannot be written (disk full, read-only)
     */
    void save(VideoRun run);

    /** Removes a video with everything it has. */
    void delete(VideoId id);

    /** Videos that are neither finished nor waiting for a person: the ones a restart must carry on, oldest first. */
    List<VideoId> unfinished();

    /** Generations in flight (submitting or pending) at {@code provider}, over all videos: for its concurrency limit. */
    int inFlightClips(String provider);
}
