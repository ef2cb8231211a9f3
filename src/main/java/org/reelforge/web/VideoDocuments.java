package org.reelforge.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import org.reelforge.pipeline.VideoQueries;
import org.reelforge.store.ArtifactStore;
import org.reelforge.video.Language;
import org.reelforge.video.NotFoundException;
import org.reelforge.video.Video;
import org.reelforge.video.VideoId;
import org.reelforge.wire.Json;
import org.reelforge.wire.VideoView;

/** The JSON documents of the video API: {@link VideoView}'s documents with the links to the video's files. */
final class VideoDocuments {
    private static final int MAX_EVENTS = 50;
    private final VideoQueries queries;
    private final ArtifactStore artifacts;

    VideoDocuments(VideoQueries queries, ArtifactStore artifacts) {
        this.queries = queries;
        this.artifacts = artifacts;
    }

    /** A library item: the view's summary with whether final.mp4 exists and the thumbnail's link. */
    record Summary(@JsonUnwrapped VideoView.Summary video, boolean hasFinal, String thumbnailUrl) {
    }

    record Page(List<Summary> items, int page, int size, int total) {
    }

    record Files(@JsonProperty("final") String finalVideo, String thumbnail, String captionsAss, String captionsSrt, String script) {
    }

    Summary summary(Video v, Language lang) {
        return new Summary(queries.summary(v, lang), artifacts.exists(artifacts.finalVideo(v.id())),
                url(v.id(), ArtifactStore::thumbnail, "thumbnail.jpg"));
    }

    /** The detail of {@code id} with a {@code files} object added. */
    ObjectNode detail(VideoId id, Language lang) {
        VideoView.Detail detail = queries.detail(id, lang, MAX_EVENTS)
                .orElseThrow(() -> new NotFoundException("no video " + id));
        ObjectNode node = Json.MAPPER.valueToTree(detail);
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
