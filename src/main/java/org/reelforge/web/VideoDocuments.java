package org.reelforge.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import org.reelforge.pipeline.NotFoundException;
import org.reelforge.pipeline.VideoReport;
import org.reelforge.store.ArtifactStore;
import org.reelforge.store.Json;
import org.reelforge.store.VideoStore;
import org.reelforge.video.Language;
import org.reelforge.video.StatusMessages;
import org.reelforge.video.Video;
import org.reelforge.video.VideoId;

/** The JSON documents of the video API: a library item, a library page, the detail with its file URLs. */
final class VideoDocuments {
    private static final int MAX_EVENTS = 50;
    private final VideoStore store;
    private final ArtifactStore artifacts;
    private final VideoReport.Context context;

    VideoDocuments(VideoStore store, ArtifactStore artifacts, VideoReport.Context context) {
        this.store = store;
        this.artifacts = artifacts;
        this.context = context;
    }

    record Summary(String videoId, String theme, String status, String statusLabel, int progressPercentage,
                   String message, int targetDuration, String language, Instant createdAt, Instant updatedAt,
                   boolean hasFinal, String thumbnailUrl) {
    }

    record Page(List<Summary> items, int page, int size, int total) {
    }

    record Files(@JsonProperty("final") String finalVideo, String thumbnail, String captionsAss, String captionsSrt, String script) {
    }

    Summary summary(Video v, Language lang) {
        return new Summary(v.id().value(), v.request().theme(), v.status().wireName(), v.statusLabel(),
                v.progressPercentage(), StatusMessages.message(v, lang == null ? v.request().language() : lang),
                v.request().targetDurationSeconds(), v.request().language().tag(), v.createdAt(), v.updatedAt(),
                artifacts.exists(artifacts.finalVideo(v.id())), url(v.id(), ArtifactStore::thumbnail, "thumbnail.jpg"));
    }

    /** The {@link VideoReport} of {@code id} with a {@code files} object added. */
    ObjectNode detail(VideoId id, Language lang) {
        VideoReport report = VideoReport.of(store, id, lang, context, MAX_EVENTS)
                .orElseThrow(() -> new NotFoundException("no video " + id));
        ObjectNode node = Json.MAPPER.valueToTree(report);
        node.set("files", Json.MAPPER.valueToTree(files(id)));
        return node;
    }

    Files files(VideoId id) {
        return new Files(url(id, ArtifactStore::finalVideo, "final.mp4"), url(id, ArtifactStore::thumbnail, "thumbnail.jpg"),
                url(id, ArtifactStore::captionsAss, "captions.ass"), url(id, ArtifactStore::captionsSrt, "captions.srt"),
                url(id, ArtifactStore::scriptJson, "script.json"));
    }

    private String url(VideoId id, BiFunction<ArtifactStore, VideoId, Path> file, String name) {
        return artifacts.exists(file.apply(artifacts, id)) ? "/api/videos/" + id.value() + "/" + name : null;
    }
}
