package org.reelforge.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.artifact.ArtifactKey;
import org.reelforge.artifact.ArtifactStore;
import org.reelforge.artifact.LocalArtifactStore;
import org.reelforge.pipeline.LibraryStatistics;
import org.reelforge.pipeline.VideoQueries;
import org.reelforge.store.InMemoryVideoRuns;
import org.reelforge.video.EventType;
import org.reelforge.video.Language;
import org.reelforge.video.Video;
import org.reelforge.video.VideoId;
import org.reelforge.video.VideoRequest;
import org.reelforge.video.VideoRun;
import org.reelforge.wire.VideoView;

/** The documents ask the artifact store about a video's files once per video version, not once per view. */
class VideoDocumentsTest {
    @TempDir
    Path dir;

    @Test
    void aLibraryViewedAgainAsksTheStoreNothingUntilTheVideoChanges() throws Exception {
        InMemoryVideoRuns runs = new InMemoryVideoRuns();
        VideoId id = new VideoId("vid_20261201_100000_abcd12");
        VideoRun run = VideoRun.create(Video.create(id, "alice", VideoRequest.of("Les volcans").withDuration(16),
                Instant.parse("2026-12-01T10:00:00Z")), "queued");
        runs.save(run);
        Counting store = new Counting(new LocalArtifactStore(dir.resolve("data")));
        VideoDocuments documents = new VideoDocuments(new VideoQueries(runs, runs,
                new VideoView.Context(BigDecimal.TEN, r -> BigDecimal.ZERO, 3)), new NoStatistics(), store,
                new FileLinks("a-secret-of-at-least-thirty-two-bytes!".getBytes(), Clock.systemUTC()), Clock.systemUTC());

        VideoDocuments.Summary first = documents.summary(runs.video(id).orElseThrow(), Language.EN);
        int asked = store.infos.get();
        for (int i = 0; i < 10; i++) {
            documents.summary(runs.video(id).orElseThrow(), Language.EN);
        }
        assertThat(first.hasFinal()).isFalse();
        assertThat(store.infos.get()).as("ten more views of the same version").isEqualTo(asked);

        store.put(ArtifactKey.finalVideo(id), Files.writeString(dir.resolve("final.mp4"), "an mp4"));
        VideoRun changed = runs.load(id).orElseThrow();
        changed.record(EventType.COMPLETED, "done", Instant.parse("2026-12-01T10:05:00Z"));
        runs.save(changed);

        assertThat(documents.summary(runs.video(id).orElseThrow(), Language.EN).hasFinal())
                .as("the new version sees the file the engine wrote before committing it").isTrue();
        assertThat(store.infos.get()).isGreaterThan(asked);
    }

    private static final class NoStatistics implements LibraryStatistics {
        public boolean ping() {
            return true;
        }

        public java.util.Map<String, Long> videosByStatus() {
            return java.util.Map.of();
        }

        public java.util.Map<String, Long> clipsByStatus() {
            return java.util.Map.of();
        }

        public java.util.Map<String, Long> eventsByType() {
            return java.util.Map.of();
        }

        public List<ProviderCalls> providerCalls() {
            return List.of();
        }

        public List<StepSample> recentSteps(int maxVideos) {
            return List.of();
        }
    }

    /** The data dir, counting the existence checks (a HEAD each on S3). */
    private static final class Counting implements ArtifactStore {
        final AtomicInteger infos = new AtomicInteger();
        private final ArtifactStore inner;

        Counting(ArtifactStore inner) {
            this.inner = inner;
        }

        public void put(ArtifactKey key, Path localFile) {
            inner.put(key, localFile);
        }

        public boolean fetch(ArtifactKey key, Path localFile) {
            return inner.fetch(key, localFile);
        }

        public Optional<Info> info(ArtifactKey key) {
            infos.incrementAndGet();
            return inner.info(key);
        }

        public Optional<Content> open(ArtifactKey key, long offset, long length) {
            return inner.open(key, offset, length);
        }

        public Optional<URI> presign(ArtifactKey key, Duration ttl) {
            return inner.presign(key, ttl);
        }

        public List<ArtifactKey> list(VideoId id) {
            return inner.list(id);
        }

        public List<ArtifactKey> listAll() {
            return inner.listAll();
        }

        public void delete(ArtifactKey key) {
            inner.delete(key);
        }

        public int deleteVideo(VideoId id) {
            return inner.deleteVideo(id);
        }

        public Optional<String> problem() {
            return inner.problem();
        }

        public String describe() {
            return inner.describe();
        }

        public void close() {
            inner.close();
        }
    }
}
