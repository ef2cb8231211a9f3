package org.reelforge.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.reelforge.pipeline.VideoLibrary.EventMark;
import org.reelforge.pipeline.VideoQueries;
import org.reelforge.video.VideoId;

/**
 * Live progress for any number of subscribers: each gets the current state at once, then a frame after every change,
 * and the stream closes after a terminal status. Changes are found by polling the {@code video_events} table for all
 * watched videos in one query, so any node serves any subscriber whichever node runs the video.
 * Frames to the subscribers of one video are sent under that video's lock, so nobody sees an older state after a
 * newer one. Thread-safe.
 */
public final class ProgressHub implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ProgressHub.class);
    private final VideoQueries queries;
    private final Map<VideoId, ProgressTopic> topics = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller;
    private final Duration heartbeat;
    private long lastHeartbeat = System.nanoTime();

    /** Starts polling every {@code interval}; sends heartbeats every {@code heartbeat}. */
    public ProgressHub(VideoQueries queries, Duration interval, Duration heartbeat) {
        this.queries = queries;
        this.heartbeat = heartbeat;
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress-poller");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::pollSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends the current state of {@code id} to {@code s} now, then follows it (see the class comment). */
    void subscribe(VideoId id, ProgressSubscriber s) {
        while (true) {
            ProgressTopic topic = topics.computeIfAbsent(id, k -> new ProgressTopic(k, queries));
            synchronized (topic) {
                if (topic.isRetired()) {
                    continue;
                }
                topic.join(s, mark(id));
                return;
            }
        }
    }

    void unsubscribe(VideoId id, ProgressSubscriber s) {
        ProgressTopic topic = topics.get(id);
        if (topic != null) {
            topic.leave(s);
        }
    }

    /**
     * Looks for changes now instead of at the next tick: the in-process shortcut for changes this process has just
     * committed (a person's action, a worker's step). Changes made by other processes arrive with the next poll.
     */
    void poke() {
        if (!poller.isShutdown()) {
            poller.execute(this::pollSafely);
        }
    }

    /** How many streams are open (for metrics). */
    public int subscribers() {
        return topics.values().stream().mapToInt(ProgressTopic::size).sum();
    }

    private EventMark mark(VideoId id) {
        return queries.eventMarks(Set.of(id)).get(id);
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.warn("progress poll failed; trying again at the next tick", e);
        }
    }

    void poll() {
        List<VideoId> ids = List.copyOf(topics.keySet());
        if (ids.isEmpty()) {
            return;
        }
        Map<VideoId, EventMark> marks = queries.eventMarks(ids);
        boolean beat = System.nanoTime() - lastHeartbeat > heartbeat.toNanos();
        for (VideoId id : ids) {
            ProgressTopic topic = topics.get(id);
            if (topic == null) {
                continue;
            }
            synchronized (topic) {
                topic.update(marks.get(id), beat);
                if (topic.size() == 0) {
                    topic.retire();
                    topics.remove(id, topic);
                }
            }
        }
        if (beat) {
            lastHeartbeat = System.nanoTime();
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
        topics.values().forEach(ProgressTopic::closeAll);
        topics.clear();
    }
}
