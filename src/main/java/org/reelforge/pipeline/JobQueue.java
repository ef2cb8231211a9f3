package org.reelforge.pipeline;

import java.time.Instant;
import org.reelforge.video.VideoId;

/**
 * Where the pipeline asks for {@code advance(videoId)} to run. Durable implementations (db-scheduler)
 * survive a crash; a video has at most one pending run.
 */
public interface JobQueue {
    /** Runs {@code advance(id)} at {@code at} (as soon as possible if past), moving an already planned run. */
    void schedule(VideoId id, Instant at);

    /** Plans a run at {@code at} only if none is planned: how lost runs are restored without moving good ones. */
    void ensureScheduled(VideoId id, Instant at);
}
