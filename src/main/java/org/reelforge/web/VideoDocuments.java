package org.reelforge.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.reelforge.pipeline.LibraryStatistics;
import org.reelforge.pipeline.VideoQueries;
import org.reelforge.artifact.ArtifactKey;
import org.reelforge.artifact.ArtifactStore;
import org.reelforge.video.Language;
import org.reelforge.video.NotFoundException;
import org.reelforge.video.Video;
import org.reelforge.video.VideoId;
import org.reelforge.wire.Json;
import org.reelforge.wire.VideoView;

/**
 * The JSON documents of the video API: {@link VideoView}'s documents with the links to the video's files. File URLs
 * are signed links (see {@link FileLinks}) valid until {@code links_expire_at}; pages fetch the document again
 * before then for fresh ones. Whether each file exists (and its version, for the links' {@code v=}) is asked of the
 * artifact store once per video version: the engine writes a video's files before it commits the change that names
 * them, so a new version is the only moment they can change, and a library polled on S3 does not pay a HEAD per file
 * per view. Thread-safe.
 */
final class VideoDocuments {
    private static final int MAX_EVENTS = 50;
    private static final Duration HISTORY_TTL = Duration.ofSeconds(60);
    private static final int HISTORY_VIDEOS = 200;
    private static final int MAX_CACHED_VERSIONS = 20_000;
    private final VideoQueries queries;
    private final LibraryStatistics statistics;
    private final ArtifactStore artifacts;
    private final FileLinks links;
    private final Clock clock;
    private volatile Cached history = new Cached(List.of(), Instant.EPOCH);
    /** File versions by (file, video version), most recently used kept; empty means "not there at that version". */
    private final Map<FileAt, Optional<String>> versions = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<FileAt, Optional<String>> eldest) {
                    return size() > MAX_CACHED_VERSIONS;
                }
            });

    VideoDocuments(VideoQueries queries, LibraryStatistics statistics, ArtifactStore artifacts, FileLinks links, Clock clock) {
        this.queries = queries;
        this.statistics = statistics;
        this.artifacts = artifacts;
        this.links = links;
        this.clock = clock;
    }

    private record Cached(List<LibraryStatistics.StepSample> samples, Instant readAt) {
    }

    private record FileAt(ArtifactKey key, long videoVersion) {
    }

    /**
     * A library item: the view's summary ({@code duration_seconds} is final.mp4's real length, {@code partial} says a
     * block is missing from it) with signed links to its thumbnail and video.
     */
    record Summary(@JsonUnwrapped VideoView.Summary video, boolean hasFinal, String thumbnailUrl, String finalUrl,
                   String downloadUrl, Instant linksExpireAt) {
    }

    record Page(List<Summary> items, int page, int size, int total) {
    }

    /** {@code download} (the video as an attachment named after the theme) and {@code thumbnail_small}. */
    record Files(@JsonProperty("final") String finalVideo, String download, String thumbnail, String thumbnailSmall,
                 String captionsAss, String captionsSrt, String script) {
    }

    Summary summary(Video v, Language lang) {
        Instant expiry = links.expiryFromNow();
        String finalUrl = url(v.id(), v.version(), ArtifactKey::finalVideo, "final.mp4", expiry, false);
        return new Summary(queries.summary(v, lang), finalUrl != null,
                url(v.id(), v.version(), ArtifactKey::thumbnail, "thumbnail-small.jpg", expiry, false), finalUrl,
                finalUrl == null ? null : finalUrl + "&download=1", expiry);
    }

    /**
     * The detail of {@code id} with, added here: {@code files} (signed links), {@code links_expire_at},
     * {@code frames} (block number → signed link to a frame of its clip, for the blocks that have one) and
     * {@code eta} (see {@link TimeLeft}; null when the video is not running).
     */
    ObjectNode detail(VideoId id, Language lang) {
        // the version first: files are looked up as of it or later (see the class comment)
        Video video = queries.video(id).orElseThrow(() -> new NotFoundException("no video " + id));
        VideoView.Detail detail = queries.detail(id, lang, MAX_EVENTS)
                .orElseThrow(() -> new NotFoundException("no video " + id));
        Instant expiry = links.expiryFromNow();
        ObjectNode node = Json.MAPPER.valueToTree(detail);
        node.set("files", Json.MAPPER.valueToTree(files(id, video.version(), expiry)));
        node.put("links_expire_at", expiry.toString());
        node.set("frames", Json.MAPPER.valueToTree(frames(id, video.version(), detail, expiry)));
        node.set("eta", Json.MAPPER.valueToTree(TimeLeft.of(video, queries.events(id, 0, 100_000), history(),
                clock.instant())));
        return node;
    }

    Files files(VideoId id, long videoVersion, Instant expiry) {
        String finalUrl = url(id, videoVersion, ArtifactKey::finalVideo, "final.mp4", expiry, false);
        String thumbnail = url(id, videoVersion, ArtifactKey::thumbnail, "thumbnail.jpg", expiry, false);
        return new Files(finalUrl, finalUrl == null ? null : finalUrl + "&download=1", thumbnail,
                url(id, videoVersion, ArtifactKey::thumbnail, "thumbnail-small.jpg", expiry, false),
                url(id, videoVersion, ArtifactKey::captionsAss, "captions.ass", expiry, true),
                url(id, videoVersion, ArtifactKey::captionsSrt, "captions.srt", expiry, true),
                url(id, videoVersion, ArtifactKey::scriptJson, "script.json", expiry, true));
    }

    private Map<String, String> frames(VideoId id, long videoVersion, VideoView.Detail detail, Instant expiry) {
        Map<String, String> frames = new LinkedHashMap<>();
        for (VideoView.BlockView b : detail.blocks()) {
            if (b.clip() != null && "success".equals(b.clip().status())) {
                version(ArtifactKey.clip(id, b.index()), videoVersion).ifPresent(v -> frames.put(Integer.toString(b.index()),
                        links.link(id, FileRoutes.frameName(b.index()), expiry).url() + "&v=" + v));
            }
        }
        return frames;
    }

    /**
     * A signed link to a file, or null while its source does not exist. {@code v=} changes with the object, so a
     * browser never keeps a stale copy under a long cache life.
     */
    private String url(VideoId id, long videoVersion, Function<VideoId, ArtifactKey> source, String name, Instant expiry,
                       boolean download) {
        return version(source.apply(id), videoVersion).map(v -> links.link(id, name, expiry).url() + "&v=" + v
                + (download ? "&download=1" : "")).orElse(null);
    }

    private Optional<String> version(ArtifactKey key, long videoVersion) {
        FileAt at = new FileAt(key, videoVersion);
        Optional<String> known = versions.get(at);
        if (known != null) {
            return known;
        }
        Optional<String> seen = artifacts.info(key).filter(i -> i.size() > 0)
                .map(i -> i.version().replaceAll("[^A-Za-z0-9]", ""));
        versions.put(at, seen);
        return seen;
    }

    private List<LibraryStatistics.StepSample> history() {
        Cached c = history;
        if (c.readAt().plus(HISTORY_TTL).isBefore(clock.instant())) {
            c = new Cached(statistics.recentSteps(HISTORY_VIDEOS), clock.instant());
            history = c;
        }
        return c.samples();
    }
}
