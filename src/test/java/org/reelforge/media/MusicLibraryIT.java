package org.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MusicLibraryIT {
    /** A file name that would break a shell, an ffmpeg filter graph or an ASS line. */
    private static final String HOSTILE = "$(rm -rf ~) 'calm'; [x] {\\b1}.m4a";

    @TempDir
    static Path uploads;
    static Path hostile;
    static Path other;

    @TempDir
    Path data;

    @BeforeAll
    static void makeTracks() {
        hostile = uploads.resolve(HOSTILE);
        other = uploads.resolve("second.mp3");
        TestMedia.FFMPEG.ffmpeg("make a track", null, List.of("-f", "lavfi", "-i", "sine=f=440:r=44100:d=3,volume=-12dB",
                "-c:a", "aac", Ffmpeg.fileArg(hostile)));
        TestMedia.FFMPEG.ffmpeg("make a track", null, List.of("-f", "lavfi", "-i", "sine=f=660:r=44100:d=2",
                "-c:a", "libmp3lame", Ffmpeg.fileArg(other)));
    }

    @Test
    void anAddedTrackIsStoredUnderANameMadeFromItsContentMeasuredAndTagged() {
        MusicLibrary library = new MusicLibrary(data, TestMedia.FFMPEG);
        MusicLibrary.Track track = library.add(hostile, null, Set.of("Calm", "lo-fi"));

        assertThat(track.id()).matches("trk_[0-9a-f]{16}");
        assertThat(track.file()).isEqualTo(track.id() + ".m4a");
        assertThat(Files.exists(data.resolve("music").resolve(track.file()))).isTrue();
        assertThat(track.title()).isEqualTo(HOSTILE);
        assertThat(track.moods()).containsExactlyInAnyOrder("calm", "lo-fi");
        assertThat(track.durationMillis()).isBetween(2_900L, 3_200L);
        assertThat(track.loudnessLufs()).as("a sine at -30 dBFS").isBetween(-36.0, -31.0);
        assertThat(new MusicLibrary(data, TestMedia.FFMPEG).list()).containsExactly(track);
        assertThat(library.add(hostile, "Again", Set.of("calm")).id()).isEqualTo(track.id());
        assertThat(library.list()).hasSize(1);
        assertThat(library.remove(track.id())).isTrue();
        assertThat(library.list()).isEmpty();
    }

    @Test
    void pickReadsNoneAFileAFolderAMoodOrAnId() {
        MusicLibrary library = new MusicLibrary(data, TestMedia.FFMPEG);
        MusicLibrary.Track calm = library.add(hostile, "Calm one", Set.of("calm"));
        library.add(other, "Other", Set.of("upbeat"));
        Random random = new Random(7);

        assertThat(library.pick("none", 100, random)).isEmpty();
        assertThat(library.pick(null, 100, random)).isEmpty();
        assertThat(library.pick(hostile.toString(), 60, random).orElseThrow().volumePercent()).isEqualTo(60);
        assertThat(library.pick(uploads.toString(), 100, random).orElseThrow().file()).isIn(hostile, other);
        assertThat(library.pick("mood:calm", 100, random).orElseThrow().file().getFileName().toString()).isEqualTo(calm.file());
        assertThat(library.pick(calm.id(), 100, random).orElseThrow().loudnessLufs()).isEqualTo(calm.loudnessLufs());
    }

    @Test
    void badValuesAreRefusedNamingTheRule() throws Exception {
        MusicLibrary library = new MusicLibrary(data, TestMedia.FFMPEG);
        Path text = Files.writeString(uploads.resolve("notes.txt"), "la la la");
        assertThatThrownBy(() -> library.add(text, null, Set.of())).hasMessageContaining("must be one of aac, flac, m4a");
        assertThatThrownBy(() -> library.add(hostile, null, Set.of("calm; drop"))).hasMessageContaining("mood must be");
        assertThatThrownBy(() -> library.pick("mood:sad", 100, new Random())).hasMessageContaining("no library track has the mood");
        assertThatThrownBy(() -> library.pick("/nowhere/at/all.mp3", 100, new Random())).hasMessageContaining("music: must be none");
        Path empty = Files.createDirectories(uploads.resolve("empty folder"));
        assertThatThrownBy(() -> library.pick(empty.toString(), 100, new Random())).hasMessageContaining("holds no");
    }
}
