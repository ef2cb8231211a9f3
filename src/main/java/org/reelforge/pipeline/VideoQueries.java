package org.reelforge.pipeline;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reelforge.video.Language;
import org.reelforge.video.Video;
import org.reelforge.video.VideoEvent;
import org.reelforge.video.VideoId;
import org.reelforge.video.VideoStatus;
import org.reelforge.wire.VideoView;

/**
 * What people read about videos — status, the API, progress streams, the library — built by {@link VideoView} from
 * the runs and their histories. Read-only, thread-safe.
 */
public final class VideoQueries {
    private final VideoRuns runs;
    private final VideoLibrary library;
    private final VideoView.Context context;

    public VideoQueries(VideoRuns runs, VideoLibrary library, VideoView.Context context) {
        this.runs = runs;
        this.library = library;
        this.context = context;
    }

    public Optional<Video> video(VideoId id) {
        return library.video(id);
    }

    /** The whole document of a video with its last {@code maxEvents} events; empty if there is no such video. */
    public Optional<VideoView.Detail> detail(VideoId id, Language lang, int maxEvents) {
        return runs.load(id).map(run -> VideoView.detail(run, library.latestEvents(id, maxEvents), lang, context));
    }

    /** The current live-progress frame of a video; empty if it is gone. */
    public Optional<VideoView.Progress> progress(VideoId id, Language lang) {
        return runs.load(id).map(run -> VideoView.progress(run, lang, context.maxJobRetries()));
    }

    public VideoView.Summary summary(Video v, Language lang) {
        return VideoView.summary(v, lang, context.maxJobRetries());
    }

    /** One page of the library, newest first, and how many there are in all. */
    public Page page(String owner, VideoStatus status, int offset, int limit) {
        return new Page(library.page(owner, status, offset, limit), library.count(owner, status));
    }

    public List<VideoEvent> events(VideoId id, long afterId, int limit) {
        return library.events(id, afterId, limit);
    }

    public Map<VideoId, VideoLibrary.EventMark> eventMarks(Collection<VideoId> ids) {
        return library.eventMarks(ids);
    }

    public VideoView.Context context() {
        return context;
    }

    /** Videos of one library page, and the total matching. */
    public record Page(List<Video> videos, int total) {
    }
}
