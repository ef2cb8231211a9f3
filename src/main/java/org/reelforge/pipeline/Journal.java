package org.reelforge.pipeline;

import java.time.Clock;
import java.util.function.Consumer;
import org.reelforge.store.StoreTransaction;
import org.reelforge.store.VideoStore;
import org.reelforge.video.Video;

/**
 * Writes a video's state change, its event and whatever goes with it (clip rows, ledger lines) in one
 * transaction, guarded by the video's version: a worker that lost a race fails here, before any paid call.
 */
final class Journal {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Journal.class);
    private final VideoStore store;
    private final Clock clock;
    private final java.util.List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    Journal(VideoStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    Video commit(Video video, String type, String message, Consumer<StoreTransaction> alongside) {
        Video saved = store.inTransaction(tx -> {
            alongside.accept(tx);
            Video v = tx.updateVideo(video);
            tx.appendEvent(video.id(), clock.instant(), type, message);
            return v;
        });
        LOG.info("{} {}: {}", video.id(), type, message);
        notifyListeners();
        return saved;
    }

    /** Runs {@code listener} after every committed change (in the committing thread; keep it short). */
    AutoCloseable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void notifyListeners() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("a change listener failed: {}", e.toString());
            }
        }
    }

    Video commit(Video video, String type, String message) {
        return commit(video, type, message, tx -> { });
    }

    VideoStore store() {
        return store;
    }
}
