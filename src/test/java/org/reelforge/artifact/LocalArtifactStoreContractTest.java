package org.reelforge.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocalArtifactStoreContractTest extends ArtifactStoreContract {
    private Path dataDir;

    @Override
    ArtifactStore newStore(Path dir) {
        dataDir = dir;
        return new LocalArtifactStore(dir);
    }

    @Override
    int largeFileBytes() {
        return 12 * 1024 * 1024;
    }

    @Test
    void objectsStayWhereTheDataDirectoryAlwaysKeptThem() throws IOException {
        store.put(ArtifactKey.clip(VIDEO, 3), file("c.mp4", random(10, 1)));

        assertThat(dataDir.resolve("videos").resolve(VIDEO.value()).resolve("clips").resolve("block_3.mp4")).isRegularFile();
    }

    @Test
    void temporaryFilesAndTheOldWorkFolderAreNeverListed() throws IOException {
        Path video = Files.createDirectories(dataDir.resolve("videos").resolve(VIDEO.value()));
        Files.writeString(video.resolve(".tmp-123-final.mp4"), "half");
        Files.createDirectories(video.resolve("work/assembly"));
        Files.writeString(video.resolve("work/assembly/joined.wav"), "scratch");
        Files.writeString(video.resolve("final.mp4"), "whole");

        assertThat(store.list(VIDEO)).containsExactly(ArtifactKey.finalVideo(VIDEO));
    }
}
