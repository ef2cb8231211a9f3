package org.reelforge.pipeline;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.reelforge.video.VideoId;

/** The job queue of simulated-time tests: remembers each video's next run; the harness runs them in time order. */
final class ManualJobQueue implements JobQueue {
    private final Map<VideoId, Instant> due = new ConcurrentHashMap<>();

    @Override
    public void schedule(VideoId id, Instant at) {
        due.put(id, at);
    }

    @Override
    public void ensureScheduled(VideoId id, Instant at) {
        due.putIfAbsent(id, at);
    }

    Optional<Map.Entry<VideoId, Instant>> earliest() {
        return due.entrySet().stream().min(Map.Entry.comparingByValue());
    }

    void remove(VideoId id) {
        due.remove(id);
    }

    Optional<Instant> dueAt(VideoId id) {
        return Optional.ofNullable(due.get(id));
    }
}
