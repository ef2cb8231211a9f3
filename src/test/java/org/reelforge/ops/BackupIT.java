package org.reelforge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelforge.app.Config;
import org.reelforge.app.ReelForge;
import org.reelforge.cli.ExitCodes;
import org.reelforge.cli.ReelForgeCli;
import org.reelforge.account.Role;
import org.reelforge.video.Video;
import org.reelforge.video.VideoRequest;

/** {@code reelforge backup} while ReelForge has the database open, and the copy restored into a working ReelForge. */
class BackupIT {
    private static final Map<String, String> ENV = Map.of("REELFORGE_LOCAL_CLIP_LATENCY", "0");
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run backup(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = ReelForgeCli.execute(d -> ReelForge.open(Config.from(d, ENV)), args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void aBackupTakenWhileReelForgeRunsRestoresToAWorkingDatabase() throws Exception {
        Path data = dir.resolve("data");
        Path copy = dir.resolve("backups/monday.db");
        Video video;
        try (ReelForge running = ReelForge.open(Config.from(data, ENV))) {
            video = running.engine().submit(VideoRequest.of("Les volcans").withDuration(12), "alice");
            running.accounts().create("alice", "correct horse battery", Role.USER);

            Run r = backup("backup", "--data-dir", data.toString(), "--to", copy.toString());

            assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.DONE);
            assertThat(r.out()).contains("1 video(s), 1 user(s), integrity ok", "Restore:");
        }
        Path restored = Files.createDirectories(dir.resolve("restored"));
        Files.copy(copy, restored.resolve("reelforge.db"));

        try (ReelForge again = ReelForge.open(Config.from(restored, ENV))) {
            Optional<Video> kept = again.queries().video(video.id());
            Optional<?> alice = again.accounts().find("alice");
            assertThat(kept).isPresent();
            assertThat(alice).isPresent();
            Video next = again.engine().submit(VideoRequest.of("Les glaciers").withDuration(12), "alice");
            Optional<Video> added = again.queries().video(next.id());
            assertThat(added).isPresent();
        }
    }

    @Test
    void aBackupNeverOverwritesAFileAndSaysSo() throws Exception {
        Path data = dir.resolve("data");
        try (ReelForge rf = ReelForge.open(Config.from(data, ENV))) {
            Path taken = Files.writeString(dir.resolve("taken.db"), "precious");

            Run r = backup("backup", "--data-dir", data.toString(), "--to", taken.toString());

            assertThat(r.code()).isEqualTo(ExitCodes.ERROR);
            assertThat(r.err()).contains("already exists").doesNotContain("Exception");
            assertThat(Files.readString(taken)).isEqualTo("precious");
        }
    }
}
