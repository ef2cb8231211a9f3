package org.reelforge.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.video.VideoId;

/**
 * What every {@link ArtifactStore} does, run against each adapter: objects go in whole and come back byte for byte,
 * ranges are exact, a failed or interrupted put publishes nothing, a video's objects are listed and deleted together.
 */
abstract class ArtifactStoreContract {
    static final VideoId VIDEO = new VideoId("vid_20260201_203648_k3f9");
    static final VideoId OTHER = new VideoId("vid_20260201_203649_zz22");
    @TempDir
    Path tmp;
    ArtifactStore store;

    /** A fresh, empty store; {@code dir} is this test's own folder for whatever the adapter keeps locally. */
    abstract ArtifactStore newStore(Path dir);

    /** A file size that makes this adapter take its large-file path (multipart on S3). */
    abstract int largeFileBytes();

    @BeforeEach
    void open() throws IOException {
        store = newStore(Files.createDirectories(tmp.resolve("store")));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    Path file(String name, byte[] content) throws IOException {
        return Files.write(tmp.resolve(name), content);
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void aPublishedFileComesBackByteForByteWithItsSizeAndType() throws IOException {
        byte[] clip = random(300_000, 1);
        ArtifactKey key = ArtifactKey.clip(VIDEO, 3);

        store.put(key, file("block_3.mp4", clip));
        Path back = tmp.resolve("elsewhere/fetched.mp4");

        assertThat(store.fetch(key, back)).isTrue();
        assertThat(Files.readAllBytes(back)).isEqualTo(clip);
        assertThat(store.info(key)).hasValueSatisfying(i -> {
            assertThat(i.size()).isEqualTo(clip.length);
            assertThat(i.contentType()).isEqualTo("video/mp4");
            assertThat(i.version()).isNotBlank();
        });
        assertThat(store.exists(key)).isTrue();
        assertThat(Files.exists(tmp.resolve("block_3.mp4"))).as("the caller's scratch file is left alone").isTrue();
    }

    @Test
    void aSecondPutReplacesTheObjectWhole() throws IOException {
        ArtifactKey key = ArtifactKey.finalVideo(VIDEO);
        store.put(key, file("v1.mp4", random(50_000, 1)));
        byte[] v2 = random(20_000, 2);

        store.put(key, file("v2.mp4", v2));

        assertThat(store.fetch(key, tmp.resolve("out.mp4"))).isTrue();
        assertThat(Files.readAllBytes(tmp.resolve("out.mp4"))).isEqualTo(v2);
        assertThat(store.info(key).orElseThrow().size()).isEqualTo(v2.length);
    }

    @Test
    void aRangeReadYieldsExactlyTheAskedBytes() throws IOException {
        byte[] video = random(100_000, 3);
        ArtifactKey key = ArtifactKey.finalVideo(VIDEO);
        store.put(key, file("final.mp4", video));

        assertThat(read(key, 0, 1)).isEqualTo(new byte[]{video[0]});
        assertThat(read(key, 1000, 5000)).isEqualTo(Arrays.copyOfRange(video, 1000, 6000));
        assertThat(read(key, 99_000, 1000)).isEqualTo(Arrays.copyOfRange(video, 99_000, 100_000));
        assertThat(read(key, 0, video.length)).isEqualTo(video);
    }

    private byte[] read(ArtifactKey key, long offset, long length) throws IOException {
        try (ArtifactStore.Content c = store.open(key, offset, length).orElseThrow()) {
            assertThat(c.length()).isEqualTo(length);
            assertThat(c.contentType()).isEqualTo("video/mp4");
            try (InputStream in = c.stream()) {
                return in.readAllBytes();
            }
        }
    }

    @Test
    void aMissingObjectIsAbsentEverywhereAndFetchLeavesTheTargetAlone() {
        ArtifactKey key = ArtifactKey.thumbnail(VIDEO);
        Path target = tmp.resolve("thumb.jpg");

        assertThat(store.info(key)).isEmpty();
        assertThat(store.exists(key)).isFalse();
        assertThat(store.open(key, 0, 10)).isEmpty();
        assertThat(store.fetch(key, target)).isFalse();
        assertThat(target).doesNotExist();
        assertThat(store.list(VIDEO)).isEmpty();
    }

    @Test
    void aVideosObjectsAreListedAndDeletedTogetherAndNoOtherVideosAre() throws IOException {
        Path f = file("x", random(1000, 4));
        store.put(ArtifactKey.clip(VIDEO, 1), f);
        store.put(ArtifactKey.clip(VIDEO, 2), f);
        store.put(ArtifactKey.scriptJson(VIDEO), f);
        store.put(ArtifactKey.finalVideo(OTHER), f);

        assertThat(store.list(VIDEO)).containsExactly(ArtifactKey.clip(VIDEO, 1), ArtifactKey.clip(VIDEO, 2),
                ArtifactKey.scriptJson(VIDEO));
        assertThat(store.listAll()).hasSize(4);

        assertThat(store.deleteVideo(VIDEO)).isEqualTo(3);

        assertThat(store.list(VIDEO)).isEmpty();
        assertThat(store.exists(ArtifactKey.clip(VIDEO, 1))).isFalse();
        assertThat(store.listAll()).containsExactly(ArtifactKey.finalVideo(OTHER));
        store.delete(ArtifactKey.finalVideo(OTHER));
        store.delete(ArtifactKey.finalVideo(OTHER));
        assertThat(store.listAll()).isEmpty();
    }

    @Test
    void aPutThatFailsLeavesNothingUnderTheKeyAndTheObjectBeforeItUntouched() throws IOException {
        ArtifactKey fresh = ArtifactKey.clip(VIDEO, 1);
        ArtifactKey kept = ArtifactKey.clip(VIDEO, 2);
        byte[] before = random(2000, 5);
        store.put(kept, file("kept.mp4", before));

        assertThatThrownBy(() -> store.put(fresh, tmp.resolve("never-written.mp4"))).isInstanceOf(ArtifactException.class)
                .hasMessageContaining(fresh.value());
        assertThatThrownBy(() -> store.put(kept, tmp.resolve("never-written.mp4"))).isInstanceOf(ArtifactException.class);

        assertThat(store.exists(fresh)).isFalse();
        assertThat(store.list(VIDEO)).containsExactly(kept);
        store.fetch(kept, tmp.resolve("kept-back.mp4"));
        assertThat(Files.readAllBytes(tmp.resolve("kept-back.mp4"))).isEqualTo(before);
    }

    @Test
    void aLargeFileGoesInAndComesBackWhole() throws IOException {
        byte[] big = random(largeFileBytes(), 6);
        ArtifactKey key = ArtifactKey.finalVideo(VIDEO);

        store.put(key, file("big.mp4", big));

        assertThat(store.info(key).orElseThrow().size()).isEqualTo(big.length);
        assertThat(store.fetch(key, tmp.resolve("big-back.mp4"))).isTrue();
        assertThat(Files.readAllBytes(tmp.resolve("big-back.mp4"))).isEqualTo(big);
    }

    @Test
    void aPutInterruptedByShutdownPublishesNothing() throws Exception {
        Path big = file("big.mp4", random(largeFileBytes(), 7));
        ArtifactKey key = ArtifactKey.finalVideo(VIDEO);
        Throwable[] thrown = new Throwable[1];
        Thread step = new Thread(() -> {
            Thread.currentThread().interrupt();
            try {
                store.put(key, big);
            } catch (Throwable t) {
                thrown[0] = t;
            }
        });

        step.start();
        step.join(60_000);

        assertThat(thrown[0]).isInstanceOf(ArtifactException.class);
        assertThat(store.exists(key)).isFalse();
        assertThat(store.list(VIDEO)).isEmpty();
    }

    @Test
    void theStoreSaysItIsReady() {
        assertThat(store.problem()).isEmpty();
        assertThat(store.describe()).isNotBlank();
    }
}
