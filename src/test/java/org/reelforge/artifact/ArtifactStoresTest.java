package org.reelforge.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.ReelForgeException;
import org.reelforge.video.VideoId;

class ArtifactStoresTest {
    @TempDir
    Path data;

    @Test
    void withoutTheVariableTheLibraryStaysInTheDataDirectory() {
        try (ArtifactStore store = ArtifactStores.open(Map.of(), data)) {
            assertThat(store).isInstanceOf(LocalArtifactStore.class);
            assertThat(store.describe()).isEqualTo(data.toAbsolutePath().normalize().toString());
        }
    }

    @Test
    void anS3LocationWithACustomEndpointUsesPathStyleAndTheNodeCacheInTheDataDirectory() {
        S3Settings s = ArtifactStores.s3Settings(ArtifactStores.ARTIFACTS, "s3://reelforge-media/prod/v1/",
                Map.of(ArtifactStores.ENDPOINT, "http://127.0.0.1:9000", ArtifactStores.CACHE_MB, "0"), data);

        assertThat(s.location()).isEqualTo(new S3Location("reelforge-media", "prod/v1"));
        assertThat(s.location().objectKey(ArtifactKey.finalVideo(new VideoId("vid_20260201_203648_k3f9"))))
                .isEqualTo("prod/v1/videos/vid_20260201_203648_k3f9/final.mp4");
        assertThat(s.endpoint()).isEqualTo(URI.create("http://127.0.0.1:9000"));
        assertThat(s.pathStyle()).isTrue();
        assertThat(s.region()).isEqualTo("us-east-1");
        assertThat(s.cacheDir()).isEqualTo(data.resolve("artifact-cache"));
        assertThat(s.cacheMaxBytes()).isZero();
        assertThat(ArtifactStores.s3Settings("x", "s3://b-1", Map.of(), data).pathStyle()).as("AWS itself").isFalse();
    }

    @Test
    void badValuesAreRefusedNamingTheVariableAndTheRule() {
        assertThatThrownBy(() -> ArtifactStores.s3Settings(ArtifactStores.ARTIFACTS, "/srv/media", Map.of(), data))
                .isInstanceOf(ReelForgeException.class).hasMessageContaining("REELFORGE_ARTIFACTS must look like s3://");
        assertThatThrownBy(() -> ArtifactStores.s3Settings("--to", "s3://Media_Bucket/x", Map.of(), data))
                .isInstanceOf(ReelForgeException.class).hasMessageContaining("--to").hasMessageContaining("lower-case");
        assertThatThrownBy(() -> ArtifactStores.s3Settings("--to", "s3://media/../etc", Map.of(), data))
                .isInstanceOf(ReelForgeException.class).hasMessageContaining("prefix");
        assertThatThrownBy(() -> ArtifactStores.s3Settings("x", "s3://media", Map.of(ArtifactStores.ENDPOINT, "minio:9000"), data))
                .isInstanceOf(ReelForgeException.class).hasMessageContaining(ArtifactStores.ENDPOINT);
        assertThatThrownBy(() -> ArtifactStores.s3Settings("x", "s3://media", Map.of(ArtifactStores.PATH_STYLE, "maybe"), data))
                .isInstanceOf(ReelForgeException.class).hasMessageContaining(ArtifactStores.PATH_STYLE);
    }

    @Test
    void aKeyCannotClimbOutOfItsRoot() {
        for (String bad : new String[]{"../etc/passwd", "videos/../../x", "/abs", "videos//x", "videos/.hidden", "a b"}) {
            assertThatThrownBy(() -> new ArtifactKey(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new ArtifactKey("videos/vid_1/audio/block_2.words.json").fileName()).isEqualTo("block_2.words.json");
    }
}
