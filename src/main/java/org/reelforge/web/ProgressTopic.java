package org.reelforge.web;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.stream.Collectors;
import org.reelforge.wire.Json;
import org.reelforge.pipeline.VideoLibrary.EventMark;
import org.reelforge.pipeline.VideoQueries;
import org.reelforge.wire.VideoView;
import org.reelforge.video.Language;
import org.reelforge.video.VideoId;

/**
 * The subscribers of one video and the last event mark they were all sent a state at or after. Callers hold the
 * topic's monitor around {@link #join}, {@link #update} and {@link #retire} (see {@link ProgressHub}).
 */
final class ProgressTopic {
    private final VideoId id;
    private final VideoQueries queries;
    private final Set<ProgressSubscriber> subscribers = new CopyOnWriteArraySet<>();
    private EventMark mark;
    private boolean retired;

    ProgressTopic(VideoId id, VideoQueries queries) {
        this.id = id;
        this.queries = queries;
    }

    /** Sends the current state to {@code s}; keeps it unless that state was terminal or the video is gone. */
    void join(ProgressSubscriber s, EventMark current) {
        Optional<VideoView.Progress> state = queries.progress(id, s.language());
        if (state.isEmpty()) {
            s.close();
            return;
        }
        s.send(Json.write(state.get()));
        if (state.get().isTerminal()) {
            s.close();
            return;
        }
        subscribers.add(s);
        if (mark == null) {
            mark = current;
        }
    }

    void leave(ProgressSubscriber s) {
        subscribers.remove(s);
    }

    /** After a poll: sends the new state to everyone if the video's events moved; closes all if it is gone. */
    void update(EventMark current, boolean heartbeat) {
        if (current == null) {
            closeAll();
            return;
        }
        if (!Objects.equals(current, mark)) {
            mark = current;
            broadcast();
        } else if (heartbeat) {
            subscribers.forEach(ProgressSubscriber::heartbeat);
        }
    }

    private void broadcast() {
        Map<Language, Set<ProgressSubscriber>> byLanguage = subscribers.stream()
                .collect(Collectors.groupingBy(ProgressSubscriber::language, Collectors.toSet()));
        byLanguage.forEach((lang, group) -> {
            Optional<VideoView.Progress> state = queries.progress(id, lang);
            if (state.isEmpty()) {
                closeAll();
                return;
            }
            String json = Json.write(state.get());
            group.forEach(s -> s.send(json));
            if (state.get().isTerminal()) {
                group.forEach(this::end);
            }
        });
    }

    private void end(ProgressSubscriber s) {
        subscribers.remove(s);
        s.close();
    }

    void closeAll() {
        subscribers.forEach(this::end);
    }

    int size() {
        return subscribers.size();
    }

    void retire() {
        retired = true;
    }

    boolean isRetired() {
        return retired;
    }
}
