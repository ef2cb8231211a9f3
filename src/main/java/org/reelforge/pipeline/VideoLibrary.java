package org.reelforge.pipeline;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reelforge.video.Video;
import org.reelforge.video.VideoEvent;
import org.reelforge.video.VideoId;
import org.reelforge.video.VideoStatus;

/** The read side the views need: the library's pages, one video's history, where histories stand. Thread-safe. */
public interface VideoLibrary {
    Optional<Video> video(VideoId id);

    /** Newest first; {@code owner} and {@code status} null mean "any". */
    List<Video> page(String owner, VideoStatus status, int offset, int limit);

    int count(String owner, VideoStatus status);

    /** Events after {@code afterId} (0 for all), oldest first, at most {@code limit}. */
    List<VideoEvent> events(VideoId id, long afterId, int limit);

    /** The newest {@code limit} events, oldest first. */
    List<VideoEvent> latestEvents(VideoId id, int limit);

    /**
     * For each of {@code ids} that has events: the id of its newest event and how many it has. Any new event changes
     * the pair, even one committed late with a lower id, so a poller can watch many videos in one query.
     */
    Map<VideoId, EventMark> eventMarks(Collection<VideoId> ids);

    /** Where a video's event history stands: see {@link #eventMarks}. */
    record EventMark(VideoId videoId, long lastEventId, long events) {
    }
}
